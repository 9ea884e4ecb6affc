package dev.loglake.generator.model;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A crawler's visit: maybe robots.txt and the sitemap first, then pages at a steady pace, including the stale
 * links (404) and moved pages (301) that search engines keep in their indexes. Crawlers load no assets and send
 * no referrer.
 */
final class CrawlerSession {
    private final TrafficModel model;
    private final EventWindow window;
    private final RandomGenerator random;
    private final Visitor visitor;

    CrawlerSession(TrafficModel model, EventWindow window, RandomGenerator random, Visitor visitor) {
        this.model = model;
        this.window = window;
        this.random = random;
        this.visitor = visitor;
    }

    void walk(long startMillis) {
        SiteMap site = model.site();
        long now = startMillis;
        if (random.nextDouble() < 0.35 && !fetch(now, site.robots())) {
            return;
        }
        now += 200 + random.nextInt(2_000);
        if (random.nextDouble() < 0.10 && !fetch(now, site.sitemap())) {
            return;
        }
        int pages = 1 + (int) (-Math.log(1 - random.nextDouble()) * 12);
        for (int page = 0; page < pages; page++) {
            now += 500 + random.nextInt(6_000);
            if (!fetch(now, pick(site))) {
                return;
            }
        }
    }

    private Resource pick(SiteMap site) {
        double draw = random.nextDouble();
        if (draw < 0.50) {
            return uniform(site.products());
        }
        if (draw < 0.72) {
            return uniform(site.articles());
        }
        if (draw < 0.84) {
            return uniform(site.categories());
        }
        if (draw < 0.90) {
            return uniform(site.missing().subList(0, site.missing().size() - 2));
        }
        if (draw < 0.95) {
            return uniform(site.moved());
        }
        return draw < 0.98 ? site.landing() : uniform(site.searches());
    }

    private boolean fetch(long at, Resource resource) {
        return window.accept(
                model.responses().respond(at, visitor, resource, AccessEvent.NO_REFERER, false, false, random));
    }

    private Resource uniform(List<Resource> resources) {
        return resources.get(random.nextInt(resources.size()));
    }
}
