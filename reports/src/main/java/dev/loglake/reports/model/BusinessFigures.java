package dev.loglake.reports.model;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * The shop's figures of one period, as business.sql returns them from the conversions mart: all additive, so
 * that {@link #kpis} computes the rates of the period from its sums.
 *
 * @param sessions visits: sessions with at least one page view
 * @param convertingSessions visits that placed at least one order
 */
public record BusinessFigures(long sessions, long convertingSessions, long orders, long revenueCents) {
    public BusinessFigures {
        if (sessions < 0 || convertingSessions < 0 || orders < 0 || revenueCents < 0) {
            throw new IllegalArgumentException("business figures must not be negative: " + sessions + " visits, "
                    + convertingSessions + " converting, " + orders + " orders, " + revenueCents + " cents");
        }
        if (convertingSessions > sessions) {
            throw new IllegalArgumentException(
                    convertingSessions + " converting visits cannot exceed the " + sessions + " visits");
        }
    }

    /** Nothing sold: a period whose days the shop has no visit of. */
    public static final BusinessFigures NONE = new BusinessFigures(0, 0, 0, 0);

    /** Revenue, orders, conversion rate and average order value, each with its previous value when there is one. */
    public static List<Kpi> kpis(BusinessFigures current, Optional<BusinessFigures> previous) {
        return List.of(
                kpi("revenue", "Revenue", Unit.CENTS, current, previous, f -> OptionalDouble.of(f.revenueCents)),
                kpi("orders", "Orders", Unit.COUNT, current, previous, f -> OptionalDouble.of(f.orders)),
                kpi(
                        "conversion_rate",
                        "Conversion rate (visits that ordered)",
                        Unit.RATIO,
                        current,
                        previous,
                        BusinessFigures::conversionRate),
                kpi(
                        "average_order_value",
                        "Average order value",
                        Unit.CENTS,
                        current,
                        previous,
                        f -> Kpi.ratio(f.revenueCents, f.orders)));
    }

    public OptionalDouble conversionRate() {
        return Kpi.ratio(convertingSessions, sessions);
    }

    private static Kpi kpi(
            String id,
            String label,
            Unit unit,
            BusinessFigures current,
            Optional<BusinessFigures> previous,
            Function<BusinessFigures, OptionalDouble> figure) {
        return new Kpi(
                id,
                label,
                unit,
                figure.apply(current).orElse(0),
                previous.map(figure).orElse(OptionalDouble.empty()));
    }
}
