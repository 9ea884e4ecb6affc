package dev.loglake.reports.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;

/** The raw figures of one period, as kpis.sql returns them; {@link #kpis} turns two periods into KPIs. */
public record PeriodFigures(
        long requests,
        long visitors,
        long distinctClientIps,
        long sessions,
        long bouncedSessions,
        long pageViews,
        long responseBytes,
        long clientErrorRequests,
        long serverErrorRequests,
        long botRequests,
        double p50Ms,
        double p95Ms,
        double p99Ms) {

    /** The headline KPIs of the current period, each with its previous value when there is one. */
    public static List<Kpi> kpis(PeriodFigures current, Optional<PeriodFigures> previous) {
        List<Kpi> kpis = new ArrayList<>();
        count(kpis, "requests", "Requests", current, previous, PeriodFigures::requests);
        count(kpis, "visitors", "Visitors (IP + user agent)", current, previous, PeriodFigures::visitors);
        count(kpis, "distinct_client_ips", "Distinct client IPs", current, previous, PeriodFigures::distinctClientIps);
        count(kpis, "sessions", "Sessions (people)", current, previous, PeriodFigures::sessions);
        count(kpis, "page_views", "Page views", current, previous, PeriodFigures::pageViews);
        ratio(kpis, "bounce_rate", "Bounce rate", current, previous, f -> Kpi.ratio(f.bouncedSessions, f.sessions));
        kpis.add(new Kpi(
                "bytes_served",
                "Bytes served",
                Unit.BYTES,
                current.responseBytes,
                previous.map(f -> OptionalDouble.of(f.responseBytes)).orElse(OptionalDouble.empty())));
        ratio(
                kpis,
                "error_rate_4xx",
                "4xx error rate",
                current,
                previous,
                f -> Kpi.ratio(f.clientErrorRequests, f.requests));
        ratio(
                kpis,
                "error_rate_5xx",
                "5xx error rate",
                current,
                previous,
                f -> Kpi.ratio(f.serverErrorRequests, f.requests));
        millis(kpis, "p50_ms", "Response time p50", current, previous, PeriodFigures::p50Ms);
        millis(kpis, "p95_ms", "Response time p95", current, previous, PeriodFigures::p95Ms);
        millis(kpis, "p99_ms", "Response time p99", current, previous, PeriodFigures::p99Ms);
        ratio(kpis, "bot_share", "Bot share of requests", current, previous, f -> Kpi.ratio(f.botRequests, f.requests));
        count(kpis, "bot_requests", "Bot requests", current, previous, PeriodFigures::botRequests);
        return List.copyOf(kpis);
    }

    private static void count(
            List<Kpi> kpis,
            String id,
            String label,
            PeriodFigures current,
            Optional<PeriodFigures> previous,
            Function<PeriodFigures, Long> figure) {
        kpis.add(new Kpi(
                id,
                label,
                Unit.COUNT,
                figure.apply(current),
                previous.map(f -> OptionalDouble.of(figure.apply(f))).orElse(OptionalDouble.empty())));
    }

    private static void millis(
            List<Kpi> kpis,
            String id,
            String label,
            PeriodFigures current,
            Optional<PeriodFigures> previous,
            Function<PeriodFigures, Double> figure) {
        kpis.add(new Kpi(
                id,
                label,
                Unit.MILLIS,
                figure.apply(current),
                previous.map(f -> OptionalDouble.of(figure.apply(f))).orElse(OptionalDouble.empty())));
    }

    private static void ratio(
            List<Kpi> kpis,
            String id,
            String label,
            PeriodFigures current,
            Optional<PeriodFigures> previous,
            Function<PeriodFigures, OptionalDouble> figure) {
        kpis.add(new Kpi(
                id,
                label,
                Unit.RATIO,
                figure.apply(current).orElse(0),
                previous.map(figure).orElse(OptionalDouble.empty())));
    }
}
