package dev.loglake.generator.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TestRealLogShape {
    private static final String TIME = "[01/Nov/2026:10:15:32 +0000]";

    @Test
    void quotedFieldsMayHoldEscapedQuotesAndSpaces() {
        assertThat(RealLogShape.matches(
                        IngestFormat.COMBINED,
                        "198.51.100.7 - frank " + TIME + " \"GET /a\\\"b HTTP/1.1\" 404 153 \"https://ex.example/\""
                                + " \"Mozilla/5.0 (X11; \\\"quoted\\\" agent)\""))
                .isTrue();
        assertThat(RealLogShape.matches(
                        IngestFormat.COMBINED, "192.0.2.1 - - " + TIME + " \"GET / HTTP/1.1\" 200 5 \"-\" \"x\\\""))
                .as("the last quote escaped: the field never ends")
                .isFalse();
        assertThat(RealLogShape.matches(IngestFormat.COMMON, "192.0.2.1 - - " + TIME + " \"GET / HTTP/1.1\" 200 5"))
                .isTrue();
    }

    /**
     * Long quoted fields are common in real logs (a referrer with tracking parameters, a scanner's request, a
     * binary request nginx logs as \xHH escapes) and must be checked, not overflow the stack: a regular expression
     * with an alternation per character recurses once per character, and overflowed at 2,000.
     */
    @Test
    void longQuotedFieldsAreCheckedWithoutOverflowingTheStack() {
        String longAgent = "Mozilla/5.0 " + "a".repeat(Ingester.MAX_LINE_BYTES - 200);
        assertThat(RealLogShape.matches(
                        IngestFormat.COMBINED,
                        "192.0.2.1 - - " + TIME + " \"GET / HTTP/1.1\" 200 5 \"-\" \"" + longAgent + "\""))
                .isTrue();
        String binaryRequest = "\\x16\\x03\\x01".repeat(20_000);
        assertThat(RealLogShape.matches(
                        IngestFormat.COMBINED_REQUEST_TIME,
                        "192.0.2.1 - - " + TIME + " \"" + binaryRequest + "\" 400 157 \"-\" \"-\" 0.001"))
                .isTrue();
        assertThat(RealLogShape.matches(
                        IngestFormat.VHOST_COMBINED,
                        "shop.example.com:443 192.0.2.1 - - " + TIME + " \"GET /" + "q".repeat(100_000)
                                + " HTTP/1.1\" 414 0 \"-\" \"x"))
                .as("the last field never ends")
                .isFalse();
    }

    @Test
    void loadBalancerLinesNeedTheirFieldsThroughTheRequestTimeAndMayHaveMore() {
        String head =
                "https 2026-11-01T10:15:32.123456Z app/shop/50dc6c495c0c9188 [::1]:0 10.0.0.1:80 0.000 0.001 0.000"
                        + " 200 200 34 366 \"GET https://shop.example.com:443/a HTTP/1.1\" \"Mozilla/5.0 (\\\"q\\\")\""
                        + " ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2 arn:aws:elasticloadbalancing:eu-west-1:1:targetgroup/t/1"
                        + " \"Root=1-58337262-36d228ad5d99923122bbe354\" \"shop.example.com\" \"arn:aws:acm:eu-west-1:1:certificate/1\""
                        + " 0 2026-11-01T10:15:32.100000Z";
        assertThat(RealLogShape.matches(IngestFormat.ALB, head)).isTrue();
        assertThat(RealLogShape.matches(
                        IngestFormat.ALB, head + " \"forward\" \"-\" \"-\" \"10.0.0.1:80\" \"200\" \"-\" \"-\" TID_1"))
                .as("the fields AWS appended later")
                .isTrue();
        assertThat(RealLogShape.matches(IngestFormat.ALB, head.substring(0, head.indexOf(" ECDHE"))))
                .as("cut after the user agent")
                .isFalse();
    }
}
