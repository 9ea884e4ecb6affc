package dev.loglake.it.catalogs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loglake.cli.Loglake;
import dev.loglake.core.trino.TrinoConnections;
import dev.loglake.generator.manifest.ChannelDayStats;
import dev.loglake.generator.manifest.Manifest;
import dev.loglake.generator.manifest.ManifestJson;
import dev.loglake.lake.catalog.Catalogs;
import dev.loglake.testing.LocalStackExtension;
import dev.loglake.testing.TestStack;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import picocli.CommandLine;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;

/**
 * {@code loglake demo --with-shop} on the shared test stack, as a user runs it: a demo day loaded first without the
 * shop, then the same command with {@code --with-shop}, which writes the shop's orders into the stack's database shop,
 * adds that database as a catalog, loads the day again because its conversions are missing, and prints the shop's
 * figures of the day: the manifest's, exactly.
 */
@ExtendWith(LocalStackExtension.class)
class TestDemoWithShop {
    private static final LocalDate DAY = LocalDate.of(2035, 2, 4);
    private static final String RAW_BUCKET = "it-demo-shop-raw";
    private static final String SHOP_CATALOG = "it_demo_shop";
    private static final Pattern MANIFEST = Pattern.compile("ground truth in s3://([^/]+)/(\\S+)");

    @Test
    void theDemoConnectsTheShopAndPrintsTheManifestsFigures(TestStack stack) {
        try (S3Client s3 = stack.newS3Client()) {
            s3.createBucket(request -> request.bucket(RAW_BUCKET));
        } catch (BucketAlreadyOwnedByYouException e) {
            // left by an earlier run against a kept stack
        }
        Catalogs catalogs = new Catalogs(new TrinoConnections(stack.trinoConfig()), "hive");
        try {
            String trafficOnly = demo(stack, false);
            assertThat(trafficOnly).doesNotContain("The shop");

            String withShop = demo(stack, true);
            assertThat(withShop)
                    .contains("added the catalog " + SHOP_CATALOG)
                    .contains(DAY + " was loaded before the shop was connected: loading it again with the shop")
                    .contains(expectedLine(manifest(stack, withShop)));
            assertThat(catalogs.list()).anyMatch(catalog -> catalog.name().equals(SHOP_CATALOG));
        } finally {
            if (catalogs.list().stream().anyMatch(catalog -> catalog.name().equals(SHOP_CATALOG))) {
                catalogs.drop(SHOP_CATALOG);
            }
        }
    }

    /** The line the demo prints for the day, from the manifest's visits, orders and revenue of the site. */
    private static String expectedLine(Manifest manifest) {
        List<ChannelDayStats> day = manifest.shop().get(DAY.toString());
        long visits = day.stream().mapToLong(ChannelDayStats::sessions).sum();
        long converting =
                day.stream().mapToLong(ChannelDayStats::convertingSessions).sum();
        long orders = day.stream().mapToLong(ChannelDayStats::orders).sum();
        long revenue = day.stream().mapToLong(ChannelDayStats::revenueCents).sum();
        assertThat(orders).as("orders of the demo day").isPositive();
        return String.format(
                Locale.ROOT,
                "  %-10s %,9d %,10d %,7d %,13.2f %10.2f%%%n",
                DAY,
                visits,
                converting,
                orders,
                revenue / 100.0,
                100.0 * converting / visits);
    }

    private static Manifest manifest(TestStack stack, String output) {
        Matcher key = MANIFEST.matcher(output);
        assertThat(key.find()).as("the demo names its manifest: " + output).isTrue();
        try (S3Client s3 = stack.newS3Client()) {
            return ManifestJson.read(s3, key.group(1), key.group(2));
        }
    }

    /** Runs the demo on the test stack's endpoints, with a lake and a shop catalog of this test's own. */
    private static String demo(TestStack stack, boolean withShop) {
        List<String> args =
                new ArrayList<>(List.of("demo", "--start", DAY.toString(), "--days", "1", "--events-per-day", "3000"));
        if (withShop) {
            args.add("--with-shop");
        }
        stack.settings().asMap().forEach((key, value) -> args.addAll(List.of("-s", key + "=" + value.value())));
        args.addAll(List.of(
                "-s", "lake.raw-bucket=" + RAW_BUCKET,
                "-s", "lake.schema-prefix=it_demo_shop_",
                "-s", "shop.catalog=" + SHOP_CATALOG));
        StringWriter out = new StringWriter();
        CommandLine command = new CommandLine(new Loglake());
        command.setOut(new PrintWriter(out, true));
        int exit = command.execute(args.toArray(String[]::new));
        assertThat(exit).as("demo exit code; it printed:%n%s", out).isZero();
        return out.toString();
    }
}
