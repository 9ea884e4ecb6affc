package dev.loglake.transforms.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loglake.lake.model.Model;
import dev.loglake.lake.model.ModelCatalog;
import dev.loglake.lake.model.ModelKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestViews {
    @Test
    void onlyTheViewsThatReadTheMartsAreGuardedWhileDaysAreRewritten() {
        List<Model> views = ModelCatalog.lake().all(ModelKind.VIEW, "views");

        List<String> guarded =
                views.stream().filter(Views::readsMarts).map(Model::relation).toList();
        List<String> notGuarded = views.stream()
                .filter(view -> !Views.readsMarts(view))
                .map(Model::relation)
                .toList();

        // The ledger's views are only appended to; they go on saying which days are loading.
        assertThat(notGuarded).containsExactlyInAnyOrder("reports.day_status", "reports.served_days");
        // daily_kpis reads the marts directly as well as day_status; the others read a mart each.
        assertThat(guarded)
                .containsExactlyInAnyOrder(
                        "reports.audience_mix",
                        "reports.daily_kpis",
                        "reports.site_daily_kpis",
                        "reports.top_paths",
                        "reports.top_referrers",
                        "reports.traffic_by_hour");
    }
}
