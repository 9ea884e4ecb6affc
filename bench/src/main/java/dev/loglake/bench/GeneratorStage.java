package dev.loglake.bench;

import dev.loglake.core.progress.ProgressReporter;
import dev.loglake.generator.generate.BenchmarkResult;
import dev.loglake.generator.generate.CpuClock;
import dev.loglake.generator.generate.GenerateBenchmark;
import dev.loglake.generator.generate.GenerateOptions;
import dev.loglake.stack.LocalS3Server;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The generator's own benchmark ({@code generate --benchmark}), run several times: end to end into S3 beside the
 * compression-only limit of this machine measured in the same run.
 */
final class GeneratorStage {
    private static final Logger log = LoggerFactory.getLogger(GeneratorStage.class);

    /**
     * The volume of each generator run: two days of a million events, as {@code loglake generate --benchmark --days
     * 2} runs by default. The bench's data set is smaller, and at a few thousand events per hour the fixed cost of
     * each object and upload would be measured instead of the generator (150,000 events/s at 50,000 a day).
     */
    static final int DAYS_PER_RUN = 2;

    static final long EVENTS_PER_DAY = 1_000_000;

    private GeneratorStage() {}

    /** The stage's figures, each the median of the runs. */
    record Result(Spread endToEnd, Spread compressionLimit, Spread generateOnly, Spread ratio, long eventsPerRun) {}

    static Result run(BenchLake lake, ProgressReporter progress) {
        BenchOptions options = lake.options();
        List<Double> endToEnd = new ArrayList<>();
        List<Double> limit = new ArrayList<>();
        List<Double> generateOnly = new ArrayList<>();
        List<Double> ratio = new ArrayList<>();
        for (int run = 1; run <= options.runs(); run++) {
            BenchmarkResult result = new GenerateBenchmark(
                            options(options.start(), DAYS_PER_RUN, EVENTS_PER_DAY),
                            lake.rawStore(),
                            new CpuClock(LocalS3Server.process(lake.settings("raw"))))
                    .run(progress);
            log.info(
                    "Generator run {}/{}: {}",
                    run,
                    options.runs(),
                    result.report().replace('\n', ';'));
            endToEnd.add(result.endToEnd().eventsPerSecond());
            limit.add(result.compression().eventsPerSecond());
            generateOnly.add(result.encode().eventsPerSecond());
            ratio.add(result.ratio());
        }
        return new Result(
                Spread.of(endToEnd),
                Spread.of(limit),
                Spread.of(generateOnly),
                Spread.of(ratio),
                DAYS_PER_RUN * EVENTS_PER_DAY);
    }

    /** The options {@code loglake generate} uses by default: combined lines, gzip level 1, one thread per core. */
    static GenerateOptions options(LocalDate start, int days, long eventsPerDay) {
        return GenerateOptions.standard(start, days, eventsPerDay);
    }
}
