package dev.loglake.transforms.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;
import java.util.function.BiPredicate;
import org.junit.jupiter.api.Test;

/** Which raw days are registered as their day folder rather than hour by hour. */
class TestRawPartitions {
    private static final LocalDate DAY = LocalDate.of(2038, 4, 1);
    private static final RawDays.Source WEB = new RawDays.Source("combined", "default", false);
    private static final RawDays.Source APP = new RawDays.Source("parquet", "app", true);

    @Test
    void aClosedDayIsItsDayFolderAndAnOpenDayItsHours() {
        BiPredicate<RawDays.Source, LocalDate> whole = RawPartitions.registeredWhole(Set.of(), Set.of(DAY));

        assertThat(whole.test(WEB, DAY)).as("closed").isTrue();
        assertThat(whole.test(WEB, DAY.plusDays(1))).as("open").isFalse();
    }

    /** Its day folder as well as its hours would read every line twice. */
    @Test
    void aDayRegisteredByHoursWhileOpenKeepsItsHoursOnceClosed() {
        BiPredicate<RawDays.Source, LocalDate> whole =
                RawPartitions.registeredWhole(Set.of("combined/default/" + DAY + "/07"), Set.of(DAY));

        assertThat(whole.test(WEB, DAY)).as("the source registered by hours").isFalse();
        assertThat(whole.test(APP, DAY)).as("another source of the same day").isTrue();
    }

    @Test
    void aDayRegisteredWholeStaysWholeEvenIfNoLongerClosed() {
        BiPredicate<RawDays.Source, LocalDate> whole =
                RawPartitions.registeredWhole(Set.of("parquet/app/" + DAY + "/all"), Set.of());

        assertThat(whole.test(APP, DAY)).isTrue();
        assertThat(whole.test(WEB, DAY)).isFalse();
    }

    /** ALB's day partitions ({@code all-<account>-<region>}) are whole by their layout, not by this rule. */
    @Test
    void otherPartitionValuesSayNothingAboutHours() {
        BiPredicate<RawDays.Source, LocalDate> whole =
                RawPartitions.registeredWhole(Set.of("alb/shop/" + DAY + "/all-123456789012-eu-west-1"), Set.of(DAY));

        assertThat(whole.test(new RawDays.Source("alb", "shop", true), DAY)).isTrue();
    }
}
