package dev.loglake.generator.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loglake.generator.format.LogRecord;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Every format's rendering of a request is a line of that format as ingest reads it: it has the format's shape and
 * ingest dates it to the request's second. The staging files' reading of the same lines is checked by the
 * integration tests (TestDeclaredFormats) and the bench's formats stage.
 */
class TestFormatRenderer {
    private static final LogRecord REQUEST = new LogRecord(
            "2001:db8::7",
            1_762_178_400L, // 2025-11-03T14:00:00Z
            "GET",
            "/products/42?ref=mail&x=%20",
            "HTTP/1.1",
            200,
            5120,
            Optional.of("https://www.google.com/search?q=shoes"),
            "Mozilla/5.0 (X11; Linux x86_64) Gecko/20100101 Firefox/133.0 100%",
            1_234_567);

    private final FormatRenderer renderer = new FormatRenderer("shop.example.com");

    @Test
    void everyFormatRendersALineOfItsShapeDatedToTheRequest() {
        for (IngestFormat format : IngestFormat.values()) {
            String line = renderer.render(format, REQUEST);
            byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            assertThat(RealLogShape.matches(format, line))
                    .as("%s: %s", format, line)
                    .isTrue();
            assertThat(format.epochSecond(bytes, bytes.length))
                    .as("%s: %s", format, line)
                    .contains(REQUEST.epochSecond());
        }
    }

    @Test
    void responseTimesAreCutToTheFormatsPrecision() {
        assertThat(renderer.render(IngestFormat.COMBINED_REQUEST_TIME, REQUEST)).endsWith("\" 1.234");
        assertThat(renderer.render(IngestFormat.ALB, REQUEST)).contains(" 0.000 1.234567 0.000 200 ");
        assertThat(FormatRenderer.seconds(999, 3)).isEqualTo("0.000");
        assertThat(FormatRenderer.seconds(60_001_000, 3)).isEqualTo("60.001");
    }

    @Test
    void cloudFrontSplitsTheQueryAndEncodesTheUserAgent() {
        String[] fields = renderer.render(IngestFormat.CLOUDFRONT, REQUEST).split("\t", -1);
        assertThat(fields).hasSize(33);
        assertThat(fields[7]).isEqualTo("/products/42");
        assertThat(fields[11]).isEqualTo("ref=mail&x=%20");
        assertThat(fields[10])
                .isEqualTo("Mozilla/5.0%20(X11;%20Linux%20x86_64)%20Gecko/20100101%20Firefox/133.0%20100%25");
    }

    @Test
    void aHostWithSpacesOrQuotesIsRefused() {
        assertThatThrownBy(() -> new FormatRenderer("shop example"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("host must be a host name, got 'shop example'");
    }
}
