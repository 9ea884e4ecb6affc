package dev.loglake.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The entrypoint renders exactly the placeholders of the shared metastore-site.xml.template. */
class TestMetastoreEntrypoint {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)}");
    private static final Pattern VARIABLE_LIST =
            Pattern.compile("readonly TEMPLATE_VARIABLES=\\(([^)]*)\\)", Pattern.DOTALL);

    @Test
    void entrypointSubstitutesEveryPlaceholderOfTheTemplate() {
        String template = RepositoryFiles.read("hive-metastore/docker/conf/metastore-site.xml.template")
                .replaceAll("(?s)<!--.*?-->", "");
        Set<String> placeholders = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(template);
        while (matcher.find()) {
            placeholders.add(matcher.group(1));
        }
        Matcher list = VARIABLE_LIST.matcher(RepositoryFiles.read("hive-metastore/docker/docker-entrypoint.sh"));
        assertThat(list.find()).as("TEMPLATE_VARIABLES in docker-entrypoint.sh").isTrue();
        Set<String> rendered = new TreeSet<>(Arrays.asList(list.group(1).strip().split("\\s+")));

        assertThat(placeholders).contains("METASTORE_DB_PASSWORD", "S3_CREDENTIALS_PROVIDER");
        assertThat(rendered).isEqualTo(placeholders);
    }

    @Test
    void readmeDocumentsEveryVariable() {
        String readme = RepositoryFiles.read("hive-metastore/docker/README.md");
        Matcher list = VARIABLE_LIST.matcher(RepositoryFiles.read("hive-metastore/docker/docker-entrypoint.sh"));
        assertThat(list.find()).isTrue();

        for (String variable : list.group(1).strip().split("\\s+")) {
            assertThat(readme).as("README.md documents %s", variable).contains("`" + variable);
        }
    }
}
