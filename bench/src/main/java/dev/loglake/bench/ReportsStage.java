package dev.loglake.bench;

/**
 * The reports stage: the time to produce the executive summary's numbers (loglake report, reading the daily
 * marts) beside DuckDB computing the same KPIs from the fact table's Parquet files, and the ratio (goal >= 2.0,
 * issue #7).
 *
 * <p>TODO(lead): wire this slot once the reports module (ReportRunner) is merged: time ReportRunner's KPI
 * queries for a day and a week on the bench's "lake" role, and DuckDB over local copies of
 * marts.fact_requests' Parquet files for the same KPIs (requests, visitors, page views, bytes, 4xx/5xx,
 * p50/p95/p99, bot share).
 */
final class ReportsStage {
    private ReportsStage() {}

    static void slot(BenchReport report) {
        report.row(
                "reports",
                "executive summary numbers vs DuckDB on the fact Parquet",
                "not measured yet",
                "",
                "",
                ">= 2.0 (DuckDB)");
        report.put("reports", "status", "not wired: waits for the reports module (ReportRunner)");
        report.note("reports: this stage is a slot until the reports module lands; see ReportsStage.");
    }
}
