package dev.loglake.stack;

import dev.loglake.core.LoglakeException;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders the metastore configuration template exactly as the container image's entrypoint does: every
 * {@code ${NAME}} is replaced by its value, and a placeholder without a value is an error, so the two
 * renderings cannot silently differ.
 */
public final class TemplateRenderer {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)}");

    private TemplateRenderer() {}

    public static String render(String template, Map<String, String> values, String templateName) {
        TreeSet<String> missing = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder rendered = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                missing.add(matcher.group(1));
                value = "";
            }
            matcher.appendReplacement(rendered, Matcher.quoteReplacement(xmlEscape(value)));
        }
        matcher.appendTail(rendered);
        if (!missing.isEmpty()) {
            throw LoglakeException.internal("No value for placeholders " + missing + " in " + templateName, null);
        }
        return rendered.toString();
    }

    private static String xmlEscape(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
