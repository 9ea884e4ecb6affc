package dev.loglake.lake.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loglake.lake.sql.SqlValue;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TestFlatPrefixDays {
    private static final LocalDate DAY = LocalDate.of(2037, 4, 1);

    @Test
    void cloudFrontObjectNamesGiveTheirDistributionAndDay() {
        assertThat(FlatPrefixDays.parse("E2QWRUHAPOMQZL.2037-04-01-13.1a2b3c4d.gz"))
                .contains(new FlatPrefixDays.LogObject("E2QWRUHAPOMQZL", DAY));
        assertThat(FlatPrefixDays.parse("E2QWRUHAPOMQZL.2037-02-30-13.1a2b3c4d.gz"))
                .isEmpty();
        assertThat(FlatPrefixDays.parse("E2QWRUHAPOMQZL.2037-04-01-13.1a2b3c4d"))
                .isEmpty();
        assertThat(FlatPrefixDays.parse("notes.txt")).isEmpty();
    }

    @Test
    void theDayInAnObjectsUriIsWhatTheSqlReads() {
        Matcher matcher = Pattern.compile(FlatPrefixDays.DAY_IN_URI_REGEX)
                .matcher("s3://logs/cdn/E2QWRUHAPOMQZL.2037-04-01-13.1a2b3c4d.gz");
        assertThat(matcher.find()).isTrue();
        assertThat(matcher.group(1)).isEqualTo("2037-04-01");
    }

    @Test
    void withoutFlatSourcesEveryObjectMayBeRead() {
        assertThat(new SqlValue.RawObjectFilter(List.of()).render()).isEqualTo("TRUE");
    }

    @Test
    void theFilterOpensTheDaysObjectsAndEverythingOutsideTheFolders() {
        FlatPrefixDays cdn = source("cdn", "s3://logs/cdn/", Map.of(DAY, List.of("E1", "E2")));
        FlatPrefixDays inner = source("inner", "s3://logs/cdn/sub/", Map.of(DAY.plusDays(1), List.of("E3")));
        FlatPrefixDays other = source("other", "s3://logs/www/", Map.of());

        assertThat(new SqlValue.RawObjectFilter(List.of(cdn, inner, other)).render())
                .isEqualTo("(\"$path\" < 's3://logs/cdn/'\n"
                        + "            OR (\"$path\" >= 's3://logs/cdn0' AND \"$path\" < 's3://logs/www/')\n"
                        + "            OR \"$path\" >= 's3://logs/www0'\n"
                        + "            OR (\"$path\" >= 's3://logs/cdn/E1.2037-04-01-' AND \"$path\" < 's3://logs/cdn/E1.2037-04-01.')\n"
                        + "            OR (\"$path\" >= 's3://logs/cdn/E2.2037-04-01-' AND \"$path\" < 's3://logs/cdn/E2.2037-04-01.')\n"
                        + "            OR (\"$path\" >= 's3://logs/cdn/sub/E3.2037-04-02-' AND \"$path\" < 's3://logs/cdn/sub/E3.2037-04-02.'))\n"
                        + "        AND (site NOT IN ('cdn', 'inner', 'other') OR regexp_extract(\"$path\", '"
                        + FlatPrefixDays.DAY_IN_URI_REGEX + "', 1) = dt)");
    }

    @Test
    void aDaysRangeEndsAfterEveryHourOfItsDay() {
        // '-' sorts before '.', so every hour's object of the day is inside [".D-", ".D.").
        String hour = "s3://logs/cdn/E1.2037-04-01-23.zzzz.gz";
        assertThat(hour.compareTo("s3://logs/cdn/E1.2037-04-01-")).isPositive();
        assertThat(hour.compareTo("s3://logs/cdn/E1.2037-04-01.")).isNegative();
        assertThat("s3://logs/cdn/E1.2037-04-02-00.a.gz".compareTo("s3://logs/cdn/E1.2037-04-01."))
                .isPositive();
    }

    @Test
    void aRangeOfDaysKeepsOnlyItsDays() {
        FlatPrefixDays cdn = source(
                "cdn",
                "s3://logs/cdn/",
                Map.of(DAY, List.of("E1"), DAY.plusDays(1), List.of("E1"), DAY.plusDays(9), List.of("E1")));
        assertThat(cdn.between(DAY, DAY.plusDays(1)).distributions()).containsOnlyKeys(DAY, DAY.plusDays(1));
    }

    @Test
    void aDistributionIdIsChecked() {
        assertThatThrownBy(() -> source("cdn", "s3://logs/cdn/", Map.of(DAY, List.of("E1' OR 1=1"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Not a CloudFront distribution id");
    }

    private static FlatPrefixDays source(String site, String location, Map<LocalDate, List<String>> days) {
        TreeMap<LocalDate, SortedSet<String>> distributions = new TreeMap<>();
        days.forEach((day, ids) -> distributions.put(day, new TreeSet<>(ids)));
        return new FlatPrefixDays(site, S3Location.parse(location), distributions);
    }
}
