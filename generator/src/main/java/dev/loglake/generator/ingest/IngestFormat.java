package dev.loglake.generator.ingest;

import dev.loglake.core.LoglakeException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The formats of real logs ingest accepts, as the source declares them (never guessed from a line). Each lands
 * in its own folder, access/&lt;format&gt;/, and is parsed there by sql/staging/formats/&lt;format&gt;.sql: adding a
 * format is that SQL file and one constant here (TestIngestFormat checks that both exist for every format).
 * Ingest routes each line to the hour folder of its time (LineDater): the Apache and nginx formats have the
 * bracketed time {@code [dd/MMM/yyyy:HH:mm:ss +zzzz]} before the quoted request, the load balancer's logs an ISO
 * 8601 UTC time as their second field, CloudFront's a date and a time as its first two, tab separated, nginx's
 * JSON lines a "time_iso8601" or "time_local" key.
 */
public enum IngestFormat {
    /** Apache/nginx combined: common plus referrer and user agent, optionally followed by Apache's %D. */
    COMBINED,
    /** NCSA common log format: host ident user [time] "request" status bytes. */
    COMMON,
    /** nginx's combined followed by $request_time (seconds with milliseconds). */
    COMBINED_REQUEST_TIME,
    /** Apache's vhost_combined: %v:%p, then the combined fields. */
    VHOST_COMBINED,
    /** AWS Application Load Balancer access logs: type, then the ISO 8601 time the response was sent, then more. */
    ALB,
    /** Amazon CloudFront standard logs: W3C header lines (#Version, #Fields), then tab-separated fields. */
    CLOUDFRONT,
    /** nginx's JSON access log (escape=json): one object per line with nginx's variable names as keys. */
    NGINX_JSON;

    /**
     * The fields CloudFront's #Fields header must start with: the ones sql/staging/formats/cloudfront.sql reads by
     * position. A distribution logging other fields (standard logging v2 lets a user choose them) would be read
     * wrongly, so ingest refuses its file.
     */
    public static final String CLOUDFRONT_FIELDS = "#Fields: date time x-edge-location sc-bytes c-ip cs-method"
            + " cs(Host) cs-uri-stem sc-status cs(Referer) cs(User-Agent) cs-uri-query cs(Cookie) x-edge-result-type"
            + " x-edge-request-id x-host-header cs-protocol cs-bytes time-taken x-forwarded-for ssl-protocol"
            + " ssl-cipher x-edge-response-result-type cs-protocol-version";

    /** The UTC epoch second of a line of this format, or empty when the line has no valid time where it belongs. */
    public Optional<Long> epochSecond(byte[] line, int length) {
        return switch (this) {
            case ALB -> LineDater.secondFieldIso(line, length);
            case CLOUDFRONT -> LineDater.tabSeparatedDateAndTime(line, length);
            case NGINX_JSON -> LineDater.jsonTime(line, length);
            default -> LineDater.bracketed(line, length);
        };
    }

    /** Whether the line is a header of the format (CloudFront's #Version and #Fields), which holds no request. */
    public boolean isHeader(byte[] line, int length) {
        return this == CLOUDFRONT && length > 0 && line[0] == '#';
    }

    /** The lake's typed format (staging/formats/parquet.sql), which ingest does not read. */
    private static final String PARQUET = "parquet";

    /** The folder under access/ and the name of its staging/formats/ file. */
    public String folder() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static IngestFormat parse(String value) {
        for (IngestFormat format : values()) {
            if (format.folder().equalsIgnoreCase(value.trim())) {
                return format;
            }
        }
        if (value.trim().equalsIgnoreCase(PARQUET)) {
            // Ingest reads text logs line by line; Parquet objects have typed records, written by generate.
            throw LoglakeException.user(
                    "Ingest reads text logs: format '%s' is not ingested (loglake generate --format parquet writes"
                            + " Parquet raw logs; copy other Parquet objects of its schema under"
                            + " access/parquet/dt=YYYY-MM-DD/hour=HH/). Expected one of: %s.",
                    value.trim(),
                    Arrays.stream(values()).map(IngestFormat::folder).collect(Collectors.joining(", ")));
        }
        throw LoglakeException.user(
                "Unknown ingest format '%s'. Expected one of: %s.",
                value, Arrays.stream(values()).map(IngestFormat::folder).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return folder();
    }
}
