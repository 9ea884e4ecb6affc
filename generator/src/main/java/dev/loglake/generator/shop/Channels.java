package dev.loglake.generator.shop;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The channel rule: where a visit came from, read from its landing request (the session's first page view) as the
 * logs keep it, so that sql/marts/conversions.sql applies the same rule to the lake. In this order:
 *
 * <ol>
 *   <li>{@code paid}: the landing URL's {@code utm_medium} is one of {@link #PAID_MEDIUMS} (ignoring case);
 *   <li>{@code direct}: no referrer;
 *   <li>{@code organic_search}: the referrer's host is a search engine ({@link #SEARCH_HOST});
 *   <li>{@code social}: the referrer's host is a social network ({@link #SOCIAL_HOST});
 *   <li>{@code referral}: any other referrer, the site's own pages included (a visit resumed after 30 minutes).
 * </ol>
 *
 * The campaign is the landing URL's {@code utm_campaign}, {@link #NO_CAMPAIGN} without one.
 */
public final class Channels {
    public static final String PAID = "paid";
    public static final String DIRECT = "direct";
    public static final String ORGANIC_SEARCH = "organic_search";
    public static final String SOCIAL = "social";
    public static final String REFERRAL = "referral";
    public static final String NO_CAMPAIGN = "(none)";

    public static final Set<String> PAID_MEDIUMS =
            Set.of("cpc", "ppc", "paid", "paid_search", "paid_social", "paidsocial", "display");
    /** Matched against the lower-cased host; the SQL mart uses the same expressions with regexp_like. */
    public static final String SEARCH_HOST = "(^|\\.)(google|bing|yahoo|duckduckgo|yandex|baidu|ecosia)\\.[a-z.]+$";

    public static final String SOCIAL_HOST =
            "^t\\.co$|(^|\\.)(facebook|instagram|twitter|x|reddit|pinterest|youtube|linkedin|tiktok)\\.com$";

    private static final Pattern SEARCH = Pattern.compile(SEARCH_HOST);
    private static final Pattern SOCIAL_NETWORK = Pattern.compile(SOCIAL_HOST);

    private Channels() {}

    /**
     * @param referrerHost the referrer's host as the lake keeps it (fact_requests.referrer_host), or null
     * @param query the landing request's query string without '?' (fact_requests.query_string), or null
     */
    public static String channel(String referrerHost, String query) {
        Optional<String> medium = parameter(query, "utm_medium");
        if (medium.isPresent() && PAID_MEDIUMS.contains(medium.get().toLowerCase(Locale.ROOT))) {
            return PAID;
        }
        if (referrerHost == null) {
            return DIRECT;
        }
        String host = referrerHost.toLowerCase(Locale.ROOT);
        if (SEARCH.matcher(host).find()) {
            return ORGANIC_SEARCH;
        }
        return SOCIAL_NETWORK.matcher(host).find() ? SOCIAL : REFERRAL;
    }

    public static String campaign(String query) {
        return parameter(query, "utm_campaign").orElse(NO_CAMPAIGN);
    }

    /** The first value of a query parameter, as logged (the generator's values need no decoding). */
    static Optional<String> parameter(String query, String name) {
        if (query == null) {
            return Optional.empty();
        }
        for (String pair : query.split("&", -1)) {
            if (pair.startsWith(name + "=")) {
                return Optional.of(pair.substring(name.length() + 1));
            }
        }
        return Optional.empty();
    }
}
