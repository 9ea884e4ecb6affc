package dev.loglake.it.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loglake.generator.format.CombinedLineParser;
import dev.loglake.generator.format.Compression;
import dev.loglake.generator.format.OutputFormat;
import dev.loglake.generator.generate.GeneratedKeys;
import dev.loglake.generator.manifest.EventDateStats;
import dev.loglake.generator.manifest.Manifest;
import dev.loglake.it.transforms.ManifestChecks;
import dev.loglake.it.transforms.TransformFixture;
import dev.loglake.lake.DayRange;
import dev.loglake.lake.RawLayout;
import dev.loglake.testing.LocalStackExtension;
import dev.loglake.testing.TestStack;
import dev.loglake.transforms.run.TransformRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A raw day holds a truncated gzip object and a {@code .gz} object that is not gzip at all (issue 7): the
 * transform moves both to the object quarantine, names them with the reason, loads the rest of the day with
 * every line counted, and once the objects are repaired and put back, loading the day again gives a lake
 * equal to the manifest.
 */
@ExtendWith(LocalStackExtension.class)
class TestTransformWithUnreadableObjects {
    private static final LocalDate START = LocalDate.of(2035, 7, 1);
    private static final LocalDate DAMAGED_DAY = START.plusDays(1);

    @Test
    void unreadableObjectsAreQuarantinedByNameAndTheRestOfTheDayLoads(TestStack stack) throws Exception {
        TransformFixture lake = new TransformFixture(stack, "unreadable");
        Manifest manifest = lake.generate(START, 2, 20_000, 0.01, 0.003);
        String bucket = lake.lake().rawBucket();
        String truncatedKey = objectKey(5);
        String plainKey = objectKey(7);
        Map<String, byte[]> originals = new TreeMap<>();
        long removedLines = 0;
        long removedValidLines = 0;
        try (S3Client s3 = stack.newS3Client()) {
            for (String key : List.of(truncatedKey, plainKey)) {
                originals.put(
                        key,
                        s3.getObjectAsBytes(request -> request.bucket(bucket).key(key))
                                .asByteArray());
                List<String> lines = lines(originals.get(key));
                removedLines += lines.size();
                removedValidLines += lines.stream()
                        .filter(TestTransformWithUnreadableObjects::valid)
                        .count();
            }
            byte[] truncated = Arrays.copyOf(originals.get(truncatedKey), originals.get(truncatedKey).length / 2);
            put(s3, bucket, truncatedKey, truncated);
            byte[] plain = String.join("\n", lines(originals.get(plainKey))).getBytes(StandardCharsets.UTF_8);
            put(s3, bucket, plainKey, plain);

            lake.transform(TransformRequest.pending());

            assertThat(lake.rows("SELECT object_key, quarantined_as, substr(reason, 1, 10) FROM "
                            + lake.table("ledger", "quarantined_objects") + " ORDER BY object_key"))
                    .as("the object quarantine")
                    .containsExactly(
                            List.<Object>of(
                                    "s3://" + bucket + "/" + truncatedKey,
                                    "s3://" + bucket + "/quarantine/objects/" + truncatedKey,
                                    "truncated "),
                            List.<Object>of(
                                    "s3://" + bucket + "/" + plainKey,
                                    "s3://" + bucket + "/quarantine/objects/" + plainKey,
                                    "not gzip, "));
            assertThat(s3.getObjectAsBytes(request -> request.bucket(bucket).key("quarantine/objects/" + truncatedKey))
                            .asByteArray())
                    .as("the quarantined object, unchanged")
                    .isEqualTo(truncated);
            assertThat(RawBucket.objects(s3, bucket, "access/")).doesNotContainKeys(truncatedKey, plainKey);
        }

        long rawLinesOfGoodObjects =
                manifest.arrivalDates().get(DAMAGED_DAY.toString()).linesWritten() - removedLines;
        String day = " WHERE arrival_dt = DATE '" + DAMAGED_DAY + "'";
        assertThat(lake.single("SELECT count(*) FROM " + lake.table("staging", "parsed_lines") + day
                                + " AND error IS NULL")
                        + lake.single("SELECT count(*) FROM " + lake.table("staging", "quarantine") + day))
                .as("parsed + quarantined lines of the damaged day = raw lines of its good objects")
                .isEqualTo(rawLinesOfGoodObjects);
        long validEvents = manifest.eventDates().values().stream()
                .mapToLong(EventDateStats::validEvents)
                .sum();
        assertThat(lake.single("SELECT count(*) FROM " + lake.table("marts", "fact_requests")))
                .as("requests loaded: every valid line but those of the two quarantined objects")
                .isEqualTo(validEvents - removedValidLines);

        try (S3Client s3 = stack.newS3Client()) {
            originals.forEach((key, bytes) -> put(s3, bucket, key, bytes));
        }
        lake.transform(TransformRequest.days(new DayRange(DAMAGED_DAY, DAMAGED_DAY)));
        ManifestChecks.assertLakeMatches(lake, manifest);
    }

    private static String objectKey(int hour) {
        return RawLayout.hourPrefix("", OutputFormat.COMBINED.folder(), DAMAGED_DAY, hour)
                + GeneratedKeys.generatedObject(DAMAGED_DAY, hour, 0, OutputFormat.COMBINED, Compression.GZIP);
    }

    private static boolean valid(String line) {
        return line.length() <= CombinedLineParser.MAX_LINE_LENGTH
                && CombinedLineParser.parse(line).isPresent();
    }

    private static List<String> lines(byte[] gzip) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    private static void put(S3Client s3, String bucket, String key, byte[] bytes) {
        s3.putObject(request -> request.bucket(bucket).key(key), RequestBody.fromBytes(bytes));
    }
}
