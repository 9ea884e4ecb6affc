package dev.loglake.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loglake.core.LoglakeException;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TestTemplateRenderer {
    @Test
    void replacesEveryPlaceholderAndEscapesXml() {
        String rendered = TemplateRenderer.render(
                "<v>${A}</v><v>${B_2}</v>", Map.of("A", "jdbc:x?a=1&b=2", "B_2", "<two>"), "test");

        assertThat(rendered).isEqualTo("<v>jdbc:x?a=1&amp;b=2</v><v>&lt;two&gt;</v>");
    }

    @Test
    void aPlaceholderWithoutValueIsAnErrorThatNamesIt() {
        assertThatThrownBy(() -> TemplateRenderer.render("${A} ${MISSING}", Map.of("A", "1"), "the-template"))
                .isInstanceOf(LoglakeException.class)
                .hasMessageContaining("[MISSING]")
                .hasMessageContaining("the-template");
    }

    @Test
    void theLocalStackFillsEveryPlaceholderOfTheSharedMetastoreTemplate() {
        TreeSet<String> placeholders = new TreeSet<>();
        Matcher matcher = Pattern.compile("\\$\\{([A-Z0-9_]+)}").matcher(MetastoreSiteTemplate.template());
        while (matcher.find()) {
            placeholders.add(matcher.group(1));
        }

        String rendered = MetastoreSiteTemplate.render(MetastoreSiteTemplate.localValues(
                "jdbc:postgresql://127.0.0.1:1/metastore",
                new LocalCredentials("pw", "key", "secret"),
                2,
                "s3a://warehouse/warehouse",
                java.net.URI.create("http://127.0.0.1:3")));

        assertThat(placeholders).contains("METASTORE_DB_URL", "S3_ENDPOINT", "S3_SECRET_KEY");
        assertThat(rendered)
                .doesNotContain("${")
                .contains("<value>127.0.0.1</value>")
                .contains("<name>metastore.thrift.port</name><value>2</value>")
                .contains("<value>http://127.0.0.1:3</value>");
    }
}
