package dev.loglake.cli.schedule;

import dev.loglake.core.config.LakeConfig;
import dev.loglake.core.config.S3Config;
import dev.loglake.core.config.Settings;
import dev.loglake.core.config.TransformConfig;
import dev.loglake.core.config.TrinoConfig;
import dev.loglake.lake.LakeSchemas;
import dev.loglake.scheduler.Step;
import java.util.List;

/**
 * The steps of one scheduled run, in the order they run: each reads what the one before wrote. Every
 * configuration value is read and validated here, before the scheduler's loop starts.
 */
public final class PipelineSteps {
    private PipelineSteps() {}

    public static List<Step> from(Settings settings) {
        TrinoConfig trino = TrinoConfig.from(settings);
        LakeSchemas schemas = LakeSchemas.of(trino.catalog(), LakeConfig.from(settings));
        Step transform = new TransformStep(trino, S3Config.from(settings), schemas, TransformConfig.from(settings));
        // The report reads the days the transform marked complete, so it runs second.
        Step report = new ReportStep(trino, S3Config.from(settings), schemas);
        return List.of(transform, report);
    }
}
