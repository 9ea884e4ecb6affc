package dev.loglake.generator.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rule for a valid JSON line: at most {@link CombinedLineParser#MAX_LINE_LENGTH} characters, a JSON
 * object with every field of access_log.avsc of the right type, and "time" in the form
 * {@code yyyy-MM-ddTHH:mm:ssZ}. Everything else is a malformed line.
 */
public final class JsonLineParser {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern TIME = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z");

    private JsonLineParser() {}

    public static Optional<LogRecord> parse(String line) {
        if (line.length() > CombinedLineParser.MAX_LINE_LENGTH) {
            return Optional.empty();
        }
        try {
            JsonNode node = MAPPER.readTree(line);
            if (node == null || !node.isObject() || !valid(node)) {
                return Optional.empty();
            }
            JsonNode referer = node.get("referer");
            return Optional.of(new LogRecord(
                    node.get("client_ip").asText(),
                    Instant.parse(node.get("time").asText()).getEpochSecond(),
                    node.get("method").asText(),
                    node.get("target").asText(),
                    node.get("protocol").asText(),
                    node.get("status").asInt(),
                    node.get("bytes").asLong(),
                    referer.isNull() ? Optional.empty() : Optional.of(referer.asText()),
                    node.get("user_agent").asText(),
                    node.get("response_time_us").asLong()));
        } catch (JsonProcessingException | DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static boolean valid(JsonNode node) {
        for (String field : new String[] {"time", "client_ip", "method", "target", "protocol", "user_agent"}) {
            if (!node.path(field).isTextual()) {
                return false;
            }
        }
        for (String field : new String[] {"status", "bytes", "response_time_us"}) {
            if (!node.path(field).isIntegralNumber()) {
                return false;
            }
        }
        JsonNode referer = node.get("referer");
        return referer != null
                && (referer.isNull() || referer.isTextual())
                && TIME.matcher(node.get("time").asText()).matches();
    }
}
