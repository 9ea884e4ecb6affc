package dev.loglake.generator.format;

import dev.loglake.generator.model.AccessEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/** The Avro schema of an access-log record (access_log.avsc), which the Parquet objects are written with. */
public final class AccessLogSchema {
    public static final Schema SCHEMA = load();

    private AccessLogSchema() {}

    public static GenericRecord toRecord(AccessEvent event) {
        GenericData.Record record = new GenericData.Record(SCHEMA);
        record.put("time", event.epochSecond() * 1000);
        record.put("client_ip", event.visitor().ip().text());
        record.put("user", null);
        record.put("method", event.resource().method().name());
        record.put("target", event.resource().target().text());
        record.put("protocol", CombinedEncoder.protocol(event));
        record.put("status", event.status());
        record.put("bytes", event.bytes());
        record.put(
                "referer",
                AccessEvent.NO_REFERER.equals(event.referer())
                        ? null
                        : event.referer().text());
        record.put("user_agent", event.visitor().userAgent().text());
        record.put("response_time_us", event.responseMicros());
        return record;
    }

    /** A request read back from another format's line, as the generator would have written it in Parquet. */
    public static GenericRecord toRecord(LogRecord request) {
        GenericData.Record record = new GenericData.Record(SCHEMA);
        record.put("time", request.epochSecond() * 1000);
        record.put("client_ip", request.clientIp());
        record.put("user", null);
        record.put("method", request.method());
        record.put("target", request.target());
        record.put("protocol", request.protocol());
        record.put("status", request.status());
        record.put("bytes", request.bytes());
        record.put("referer", request.referer().orElse(null));
        record.put("user_agent", request.userAgent());
        record.put("response_time_us", request.responseMicros());
        return record;
    }

    private static Schema load() {
        try (InputStream in = AccessLogSchema.class.getResourceAsStream("/dev/loglake/generator/access_log.avsc")) {
            if (in == null) {
                throw new IllegalStateException("access_log.avsc is missing from the class path");
            }
            return new Schema.Parser().parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
