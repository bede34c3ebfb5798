package cn.gov.gd.yzz.common;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Titles and details of problem answers by problem code, from {@code messages/problems*.properties}. The code is the
 * stable part; English answers keep the detail the code threw (it names the value at fault), Chinese answers get the
 * bundle's sentence for residents, with the thrown arguments where the code passes any.
 */
public final class ProblemTexts {

    static final String BUNDLE = "messages.problems";
    // no fallback to the JVM's default locale: English must not turn Chinese on a machine set to zh_CN
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private ProblemTexts() {
    }

    static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, Languages.CHINESE.equals(locale) ? Languages.CHINESE : Locale.ROOT,
                NO_FALLBACK);
    }

    /** The problem with title and detail in the locale's language; the code, status and errors unchanged. */
    public static Problem localize(Problem problem, Object[] args, Locale locale) {
        ResourceBundle texts = bundle(locale);
        String title = text(texts, problem.code() + ".title", problem.title());
        String detail = problem.detail();
        if (Languages.CHINESE.equals(locale)) {
            String withArgs = args.length == 0 ? null : text(texts, problem.code() + ".detail.args", null);
            detail = withArgs != null ? new MessageFormat(withArgs, locale).format(args)
                    : text(texts, problem.code() + ".detail", detail);
        }
        return new Problem(problem.type(), problem.code(), title, problem.status(), detail, problem.instance(),
                problem.errors());
    }

    /** A field error message of this service's own (not the validators', which localize themselves). */
    public static String field(String key, Locale locale) {
        return text(bundle(locale), "field." + key, key);
    }

    private static String text(ResourceBundle texts, String key, String otherwise) {
        try {
            return texts.getString(key);
        } catch (MissingResourceException e) {
            return otherwise;
        }
    }
}
