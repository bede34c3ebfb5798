package cn.gov.gd.yzz.contract;

import jakarta.ws.rs.HttpMethod;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The HTTP operations the service's JAX-RS resources serve ("POST /api/v1/kiosks/{id}/heartbeat"), read from the
 * compiled classes' annotations: the same metadata Quarkus REST builds its routes from.
 */
final class ServedOperations {

    private ServedOperations() {
    }

    static Set<String> fromResources(Path classes, String prefix) throws IOException {
        Set<String> ops = new TreeSet<>();
        try (Stream<Path> files = Files.walk(classes)) {
            files.filter(f -> f.toString().endsWith(".class") && !f.getFileName().toString().contains("$"))
                    .map(f -> classes.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", ""))
                    .map(ServedOperations::load)
                    .filter(c -> c.isAnnotationPresent(jakarta.ws.rs.Path.class))
                    .forEach(c -> {
                        String base = c.getAnnotation(jakarta.ws.rs.Path.class).value();
                        for (Method m : c.getDeclaredMethods()) {
                            String verb = httpMethod(m);
                            if (verb == null) {
                                continue;
                            }
                            jakarta.ws.rs.Path sub = m.getAnnotation(jakarta.ws.rs.Path.class);
                            String path = join(base, sub == null ? "" : sub.value());
                            if (path.startsWith(prefix)) {
                                ops.add(verb + " " + path);
                            }
                        }
                    });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return ops;
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(name, e);
        }
    }

    private static String httpMethod(Method m) {
        for (Annotation a : m.getAnnotations()) {
            HttpMethod verb = a.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return verb.value();
            }
        }
        return null;
    }

    /** Class and method paths joined with one slash; template regexes ({id: [0-9]+}) reduced to the name. */
    private static String join(String base, String sub) {
        String path = ("/" + base + "/" + sub).replaceAll("/+", "/");
        path = path.replaceAll("\\{\\s*([^}:\\s]+)\\s*:[^}]*}", "{$1}");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
