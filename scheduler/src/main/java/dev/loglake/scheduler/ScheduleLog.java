package dev.loglake.scheduler;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Where the scheduler writes what happened, in sentences; tests record the lines, the command logs them. */
public interface ScheduleLog {
    void info(String message);

    void warn(String message);

    /** The command's log: slf4j, which prefixes each line with the time and the level. */
    static ScheduleLog slf4j() {
        Logger log = LoggerFactory.getLogger(Scheduler.class);
        return new ScheduleLog() {
            @Override
            public void info(String message) {
                log.info(message);
            }

            @Override
            public void warn(String message) {
                log.warn(message);
            }
        };
    }
}
