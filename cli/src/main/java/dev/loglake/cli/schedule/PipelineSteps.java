package dev.loglake.cli.schedule;

import dev.loglake.core.config.LeaseConfig;
import dev.loglake.core.config.Settings;
import dev.loglake.core.config.TransformConfig;
import dev.loglake.lake.LakeClients;
import dev.loglake.scheduler.Step;
import java.util.List;

/**
 * The steps of one scheduled run, in the order they run: each reads what the one before wrote. Every
 * configuration value is read and validated here, before the scheduler's loop starts.
 */
public final class PipelineSteps {
    private PipelineSteps() {}

    public static List<Step> from(Settings settings) {
        LakeClients clients = LakeClients.from(settings);
        Step transform = new TransformStep(clients, TransformConfig.from(settings), LeaseConfig.from(settings));
        // The report reads the days the transform marked complete, so it runs second.
        Step report = new ReportStep(clients);
        return List.of(transform, report);
    }
}
