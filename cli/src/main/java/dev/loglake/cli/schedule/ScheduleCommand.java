package dev.loglake.cli.schedule;

import dev.loglake.cli.ConfigOptions;
import dev.loglake.core.config.ScheduleConfig;
import dev.loglake.core.config.Settings;
import dev.loglake.scheduler.ScheduleLog;
import dev.loglake.scheduler.Scheduler;
import dev.loglake.scheduler.Step;
import dev.loglake.scheduler.SystemTickWaiter;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "schedule",
        mixinStandardHelpOptions = true,
        description = {
            "Run the pipeline on a schedule, as a long-lived process: at every time the cron expression matches"
                    + " (UTC), load the newly arrived raw days into the lake, then write the reports.",
            "A failed run is logged and the next run retries what is missing. SIGTERM or Ctrl-C stops it cleanly"
                    + " (exit code 0)."
        })
public final class ScheduleCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions config;

    @Option(
            names = "--cron",
            paramLabel = "EXPRESSION",
            description = "When to run: 5-field cron (minute hour day-of-month month day-of-week), in UTC, such as"
                    + " '0 1 * * *' (daily at 01:00, the default; key schedule.cron).")
    String cron;

    @Override
    public Integer call() {
        Map<String, String> flags = new LinkedHashMap<>();
        if (cron != null) {
            flags.put(ScheduleConfig.CRON, cron);
        }
        Settings settings = config.settings(flags);
        ScheduleConfig schedule = ScheduleConfig.from(settings);
        List<Step> steps = PipelineSteps.from(settings);
        Clock clock = Clock.systemUTC();
        Scheduler scheduler =
                new Scheduler(schedule.cron(), steps, clock, new SystemTickWaiter(clock), ScheduleLog.slf4j());
        Thread hook = StopOnSignal.install(scheduler, schedule.stopTimeout());
        scheduler.run();
        StopOnSignal.uninstall(hook);
        return 0;
    }
}
