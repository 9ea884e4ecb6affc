package dev.loglake.generator.shop;

import dev.loglake.generator.model.AccessEvent;
import dev.loglake.generator.model.HttpMethod;
import java.util.regex.Pattern;

/**
 * The lake's page-view rule (marts/fact_requests.sql, is_page_view), applied to a generated event: a successful
 * GET by a person of something that is not a static file, a feed or an API call.
 */
final class PageViews {
    private static final Pattern NOT_A_PAGE =
            Pattern.compile("\\.(css|js|mjs|png|jpe?g|gif|svg|ico|webp|avif|woff2?|ttf|map|xml|txt|json)$");

    private PageViews() {}

    static boolean isPageView(AccessEvent event, String path) {
        return event.resource().method() == HttpMethod.GET
                && event.status() < 400
                && !event.visitor().bot()
                && !(NOT_A_PAGE.matcher(path).find()
                        || path.startsWith("/static/")
                        || path.startsWith("/assets/")
                        || path.startsWith("/api/"));
    }
}
