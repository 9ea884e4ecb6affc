package dev.loglake.lake.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loglake.core.LoglakeException;
import org.junit.jupiter.api.Test;

class TestS3Location {
    @Test
    void aLocationIsABucketAndAFolder() {
        assertThat(S3Location.parse("s3://my-logs/alb/prod")).isEqualTo(new S3Location("my-logs", "alb/prod/"));
        assertThat(S3Location.parse("s3://my-logs/alb/")).isEqualTo(new S3Location("my-logs", "alb/"));
        assertThat(S3Location.parse("s3://my-logs")).isEqualTo(new S3Location("my-logs", ""));
        assertThat(S3Location.parse("s3://my-logs/alb").toString()).isEqualTo("s3://my-logs/alb/");
    }

    @Test
    void anythingElseIsRefusedNamingTheValueAndTheForm() {
        for (String bad :
                new String[] {"http://my-logs/alb", "s3://My_Logs/alb", "s3://b/alb", "s3://my-logs//x", "my-logs"}) {
            assertThatThrownBy(() -> S3Location.parse(bad))
                    .as(bad)
                    .isInstanceOf(LoglakeException.class)
                    .hasMessageStartingWith("Invalid location '" + bad + "': expected s3://BUCKET/PREFIX");
        }
    }

    @Test
    void eachFormatHasTheLayoutAwsWritesItIn() {
        assertThat(SourceLayout.of("alb")).isEqualTo(SourceLayout.ALB);
        assertThat(SourceLayout.of("cloudfront")).isEqualTo(SourceLayout.CLOUDFRONT);
        assertThat(SourceLayout.of("combined")).isEqualTo(SourceLayout.DAY_FOLDERS);
    }
}
