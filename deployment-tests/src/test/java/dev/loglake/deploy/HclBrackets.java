package dev.loglake.deploy;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks that (), [] and {} pair up in HCL text, outside strings, comments and heredocs. */
final class HclBrackets {
    private static final Pattern HEREDOC_START = Pattern.compile("<<-?([A-Z_]+)\n");

    private HclBrackets() {}

    static void check(String text, String fileName) {
        Deque<Character> open = new ArrayDeque<>();
        int line = 1;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
            } else if (c == '#' || text.startsWith("//", i)) {
                i = text.indexOf('\n', i);
                if (i < 0) {
                    break;
                }
                continue;
            } else if (text.startsWith("/*", i)) {
                int end = text.indexOf("*/", i);
                line += count(text.substring(i, end < 0 ? text.length() : end));
                i = end < 0 ? text.length() : end + 2;
                continue;
            } else if (text.startsWith("<<", i)) {
                Matcher heredoc = HEREDOC_START.matcher(text).region(i, text.length());
                if (heredoc.lookingAt()) {
                    Matcher end = Pattern.compile("(?m)^\\s*" + heredoc.group(1) + "\\s*$")
                            .matcher(text)
                            .region(heredoc.end(), text.length());
                    if (!end.find()) {
                        throw new IllegalArgumentException(
                                "Cannot parse " + fileName + " as HCL: heredoc on line " + line + " is not closed");
                    }
                    line += count(text.substring(i, end.end()));
                    i = end.end();
                    continue;
                }
            } else if (c == '"') {
                i = endOfString(text, i, fileName, line);
                continue;
            } else if (c == '(' || c == '[' || c == '{') {
                open.push(c);
            } else if (c == ')' || c == ']' || c == '}') {
                char expected = c == ')' ? '(' : c == ']' ? '[' : '{';
                if (open.isEmpty() || open.pop() != expected) {
                    throw new IllegalArgumentException(
                            "Cannot parse " + fileName + " as HCL: unexpected '" + c + "' on line " + line);
                }
            }
            i++;
        }
        if (!open.isEmpty()) {
            throw new IllegalArgumentException(
                    "Cannot parse " + fileName + " as HCL: '" + open.peek() + "' is never closed");
        }
    }

    /** Index after the string starting at {@code start}; template interpolations may nest strings. */
    private static int endOfString(String text, int start, String fileName, int line) {
        int depth = 0;
        int i = start + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == '\n' && depth == 0) {
                break;
            }
            if (text.startsWith("${", i) || text.startsWith("%{", i)) {
                depth++;
                i += 2;
                continue;
            }
            if (depth > 0 && c == '"') {
                i = endOfString(text, i, fileName, line);
                continue;
            }
            if (depth > 0 && c == '}') {
                depth--;
            } else if (depth == 0 && c == '"') {
                return i + 1;
            }
            i++;
        }
        throw new IllegalArgumentException(
                "Cannot parse " + fileName + " as HCL: string on line " + line + " is not closed");
    }

    private static int count(String text) {
        return (int) text.chars().filter(ch -> ch == '\n').count();
    }
}
