package cn.gov.gd.yzz.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaParameterizedType;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.domain.JavaWildcardType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package rules of README "Architecture", checked on the compiled service (not the tests, not the embedded
 * launcher): feature packages depend on each other in one direction only, {@code common} depends on no feature,
 * resources stay thin (no persistence of their own) and never hand out an entity.
 */
class ArchitectureTest {

    static final String ROOT = "cn.gov.gd.yzz";

    static JavaClasses service;

    @BeforeAll
    static void importService() {
        service = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("/" + ROOT.replace('.', '/') + "/embedded/"))
                .importPackages(ROOT);
    }

    @Test
    void featurePackagesHaveNoCycles() {
        featuresFreeOfCycles().check(service);
    }

    @Test
    void commonDependsOnNoFeature() {
        commonIndependent().check(service);
    }

    @Test
    void resourcesDoNotTouchPersistence() {
        noClasses().that().areAnnotatedWith(Path.class)
                .should().dependOnClassesThat().areAssignableTo(EntityManager.class)
                .orShould().dependOnClassesThat().areAssignableTo(DataSource.class)
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.sql.Connection")
                .because("resources are thin: persistence belongs to the use-case classes")
                .check(service);
    }

    @Test
    void resourcesNeverReturnEntities() {
        methods().that().areDeclaredInClassesThat().areAnnotatedWith(Path.class).and().arePublic()
                .should(notReturnAnEntity())
                .because("entities stay inside their package; the API answers records")
                .check(service);
    }

    /** Each package right under the root is a slice; a cycle of any length between two of them fails. */
    static ArchRule featuresFreeOfCycles() {
        return slices().matching(ROOT + ".(*)..").should().beFreeOfCycles();
    }

    static ArchRule commonIndependent() {
        return noClasses().that().resideInAPackage(ROOT + ".common..")
                .should().dependOnClassesThat(new DescribedPredicate<>("reside in a feature package") {
                    @Override
                    public boolean test(JavaClass target) {
                        String pkg = target.getPackageName();
                        return pkg.startsWith(ROOT + ".") && !pkg.startsWith(ROOT + ".common");
                    }
                });
    }

    /** Neither the return type nor any type argument in it ({@code List<Kiosk>}, {@code Uni<Kiosk>}) is an entity. */
    static ArchCondition<JavaMethod> notReturnAnEntity() {
        return new ArchCondition<>("not return an @Entity, also not as a type argument") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                Deque<JavaType> types = new ArrayDeque<>();
                types.add(method.getReturnType());
                while (!types.isEmpty()) {
                    JavaType type = types.pop();
                    if (type instanceof JavaParameterizedType parameterized) {
                        types.addAll(parameterized.getActualTypeArguments());
                    } else if (type instanceof JavaWildcardType wildcard) {
                        types.addAll(wildcard.getUpperBounds());
                    }
                    JavaClass raw = type.toErasure();
                    if (raw.isAnnotatedWith(Entity.class) || raw.isArray()
                            && raw.getComponentType().isAnnotatedWith(Entity.class)) {
                        events.add(SimpleConditionEvent.violated(method,
                                method.getFullName() + " returns the entity " + raw.getName()));
                    }
                }
            }
        };
    }
}
