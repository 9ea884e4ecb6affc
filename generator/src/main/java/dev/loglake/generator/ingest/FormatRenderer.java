package dev.loglake.generator.ingest;

import static java.util.Objects.requireNonNull;

import dev.loglake.generator.format.LogRecord;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Writes a request as a server of each declared format would log it, so the same requests can be loaded in every
 * format (the bench's per-format parse rates). The fields a format does not log are left out; the response time is
 * written in the format's unit, cut to its precision (milliseconds for the formats that log seconds).
 */
public final class FormatRenderer {
    private static final DateTimeFormatter APACHE_TIME = DateTimeFormatter.ofPattern(
                    "dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
    /**
     * The header lines CloudFront writes at the top of each standard log file: the version, then the 33 fields of
     * its lines, in the order {@link #render} writes them.
     */
    public static final String CLOUDFRONT_HEADER = "#Version: 1.0\n" + IngestFormat.CLOUDFRONT_FIELDS
            + " fle-status fle-encrypted-fields c-port time-to-first-byte x-edge-detailed-result-type"
            + " sc-content-type sc-content-len sc-range-start sc-range-end\n";

    private static final String ALB_NAME = "app/loglake-alb/50dc6c495c0c9188";
    private static final String DISTRIBUTION = "d111111abcdef8.cloudfront.net";

    private final String host;

    /** @param host the virtual host the requests were sent to (vhost_combined, the ALB's URLs, nginx's $host) */
    public FormatRenderer(String host) {
        this.host = requireNonNull(host, "host is null");
        if (host.isBlank() || host.chars().anyMatch(c -> c <= ' ' || c == '"' || c == '\\')) {
            throw new IllegalArgumentException("host must be a host name, got '" + host + "'");
        }
    }

    public String render(IngestFormat format, LogRecord request) {
        return switch (format) {
            case COMMON -> common(request);
            case COMBINED -> combined(request) + " " + request.responseMicros();
            case COMBINED_REQUEST_TIME -> combined(request) + " " + seconds(request.responseMicros(), 3);
            case VHOST_COMBINED -> host + ":443 " + combined(request);
            case ALB -> alb(request);
            case CLOUDFRONT -> cloudFront(request);
            case NGINX_JSON -> nginxJson(request);
        };
    }

    /**
     * The text of a request's time as the format logs it (every occurrence of it in the line, for the load
     * balancer's two times): what a line with a broken time replaces.
     */
    public static String timeText(IngestFormat format, long epochSecond) {
        Instant at = Instant.ofEpochSecond(epochSecond);
        return switch (format) {
            case ALB -> albTime(at);
            case CLOUDFRONT -> DATE.format(at) + "\t" + TIME.format(at);
            default -> APACHE_TIME.format(at);
        };
    }

    private static String albTime(Instant at) {
        String time = at.toString();
        return time.substring(0, time.length() - 1) + ".000000Z";
    }

    private static String common(LogRecord request) {
        return request.clientIp() + " - - [" + APACHE_TIME.format(Instant.ofEpochSecond(request.epochSecond()))
                + "] \"" + request.method() + " " + request.target() + " " + request.protocol() + "\" "
                + request.status() + " " + request.bytes();
    }

    private static String combined(LogRecord request) {
        return common(request) + " \"" + request.referer().orElse("-") + "\" \"" + request.userAgent() + "\"";
    }

    private String alb(LogRecord request) {
        String iso = albTime(Instant.ofEpochSecond(request.epochSecond()));
        return "https " + iso + " " + ALB_NAME + " " + request.clientIp() + ":40000 10.0.0.1:80 0.000 "
                + seconds(request.responseMicros(), 6) + " 0.000 " + request.status() + " " + request.status()
                + " 100 " + request.bytes() + " \"" + request.method() + " https://" + host + ":443" + request.target()
                + " " + request.protocol() + "\" \"" + request.userAgent() + "\" ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2"
                + " arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/loglake/1"
                + " \"Root=1-58337262-36d228ad5d99923122bbe354\" \"" + host + "\" \"-\" 0 " + iso
                + " \"forward\" \"-\" \"-\" \"10.0.0.1:80\" \"" + request.status() + "\" \"-\" \"-\" TID_1";
    }

    private String cloudFront(LogRecord request) {
        Instant at = Instant.ofEpochSecond(request.epochSecond());
        int question = request.target().indexOf('?');
        String stem = question < 0 ? request.target() : request.target().substring(0, question);
        String query = question < 0 ? "-" : request.target().substring(question + 1);
        return String.join(
                "\t",
                DATE.format(at),
                TIME.format(at),
                "IAD89-C3",
                Long.toString(request.bytes()),
                request.clientIp(),
                request.method(),
                DISTRIBUTION,
                stem,
                Integer.toString(request.status()),
                request.referer().orElse("-"),
                request.userAgent().replace("%", "%25").replace(" ", "%20"),
                query,
                "-",
                "Hit",
                "id==",
                host,
                "https",
                "100",
                seconds(request.responseMicros(), 3),
                "-",
                "TLSv1.3",
                "TLS_AES_128_GCM_SHA256",
                "Hit",
                request.protocol(),
                "-",
                "-",
                "40000",
                "0.001",
                "Hit",
                "text/html",
                Long.toString(request.bytes()),
                "-",
                "-");
    }

    private String nginxJson(LogRecord request) {
        String time = APACHE_TIME.format(Instant.ofEpochSecond(request.epochSecond()));
        return "{\"time_local\":\"" + time + "\",\"remote_addr\":\"" + request.clientIp()
                + "\",\"remote_user\":\"\",\"request\":\""
                + json(request.method() + " " + request.target() + " " + request.protocol()) + "\",\"status\":\""
                + request.status() + "\",\"body_bytes_sent\":\""
                + request.bytes() + "\",\"http_referer\":\""
                + json(request.referer().orElse("-"))
                + "\",\"http_user_agent\":\"" + json(request.userAgent()) + "\",\"request_time\":\""
                + seconds(request.responseMicros(), 3) + "\",\"host\":\"" + host + "\"}";
    }

    /** Microseconds as seconds with {@code decimals} digits (3 or 6), cut rather than rounded, as servers do. */
    static String seconds(long micros, int decimals) {
        long unit = decimals == 3 ? 1000 : 1;
        long fraction = (micros % 1_000_000) / unit;
        return (micros / 1_000_000) + "." + String.format(Locale.ROOT, "%0" + decimals + "d", fraction);
    }

    /** nginx's escape=json: quotes, backslashes and control characters. */
    private static String json(String value) {
        StringBuilder escaped = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') {
                escaped.append('\\').append(c);
            } else if (c < 0x20) {
                escaped.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
