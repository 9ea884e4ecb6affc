package dev.loglake.generator.ingest;

import java.util.regex.Pattern;

/**
 * Whether a dated line has the full shape of its format, as tolerant parsers read it: quoted fields may hold
 * escaped quotes (\") and spaces, bytes may be "-", and combined lines may carry extra fields at the end.
 * Lines without the shape (a TLS handshake sent to port 80, a truncated write) are still routed by their
 * time; the summary counts them.
 */
final class RealLogShape {
    /**
     * A quoted field, \" and other escapes inside, as an "unrolled loop" with possessive quantifiers: runs of plain
     * characters, each escape followed by its run. The plain alternation, (?:[^"\\]|\\.)*, makes Java's regex engine
     * recurse once per character and overflow the stack on a field of 2,000 characters, which real logs have (long
     * referrers, scanners' requests); this form matches the same fields without recursing per character and
     * without backtracking.
     */
    private static final String QUOTED = "\"[^\"\\\\]*+(?:\\\\.[^\"\\\\]*+)*+\"";

    private static final String HEAD = "^\\S+ \\S+ .*?\\[[^\\]]+\\] " + QUOTED + " (?:[0-9]{3}|-) (?:[0-9]+|-)";
    private static final Pattern COMMON = Pattern.compile(HEAD + "$");
    private static final Pattern COMBINED = Pattern.compile(HEAD + " " + QUOTED + " " + QUOTED + "(?: .*)?$");
    private static final Pattern COMBINED_REQUEST_TIME =
            Pattern.compile(HEAD + " " + QUOTED + " " + QUOTED + " [0-9]+\\.[0-9]{3}$");
    private static final Pattern VHOST_COMBINED =
            Pattern.compile("^\\S+:[0-9]+ " + HEAD.substring(1) + " " + QUOTED + " " + QUOTED + "$");

    /** Through request_creation_time; the fields AWS appends later are not required. */
    private static final Pattern ALB = Pattern.compile("^\\S+ \\S+ \\S+ \\S+:[0-9]+ \\S+ (?:-1|[0-9.]+) (?:-1|[0-9.]+)"
            + " (?:-1|[0-9.]+) [0-9]{3} \\S+ [0-9]+ [0-9]+ " + QUOTED + " " + QUOTED + " \\S+ \\S+ \\S+ " + QUOTED + " "
            + QUOTED + " " + QUOTED + " \\S+ [0-9T:.-]+Z(?: .*)?$");

    /** At least the 19 fields through time-taken, tab separated, with a date, a time, a method and a path. */
    private static final Pattern CLOUDFRONT = Pattern.compile(
            "^[0-9]{4}-[0-9]{2}-[0-9]{2}\t[0-9]{2}:[0-9]{2}:[0-9]{2}\t[^\t]*\t[0-9]+\t[^\t]+\t[A-Za-z]+\t[^\t]*\t/[^\t]*"
                    + "(?:\t[^\t]*){11}(?:\t.*)?$");

    /** One object with the required keys, in any order (the staging file checks the values). */
    private static final Pattern NGINX_JSON = Pattern.compile(
            "^\\{(?=.*\"remote_addr\":)(?=.*\"request\":)(?=.*\"status\":)(?=.*\"body_bytes_sent\":).*\\}$");

    private RealLogShape() {}

    static boolean matches(IngestFormat format, String line) {
        Pattern shape =
                switch (format) {
                    case COMMON -> COMMON;
                    case COMBINED -> COMBINED;
                    case COMBINED_REQUEST_TIME -> COMBINED_REQUEST_TIME;
                    case VHOST_COMBINED -> VHOST_COMBINED;
                    case ALB -> ALB;
                    case CLOUDFRONT -> CLOUDFRONT;
                    case NGINX_JSON -> NGINX_JSON;
                };
        return shape.matcher(line).matches();
    }
}
