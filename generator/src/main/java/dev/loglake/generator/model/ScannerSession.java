package dev.loglake.generator.model;

import java.util.random.RandomGenerator;

/**
 * A vulnerability scanner posing as a browser: a quick burst of requests for paths the site does not have
 * (404) or keeps closed (401, 403). Its user agent is a browser's, so it does not count as a bot.
 */
final class ScannerSession {
    private final TrafficModel model;
    private final EventWindow window;
    private final RandomGenerator random;
    private final Visitor visitor;

    ScannerSession(TrafficModel model, EventWindow window, RandomGenerator random, Visitor visitor) {
        this.model = model;
        this.window = window;
        this.random = random;
        this.visitor = visitor;
    }

    void walk(long startMillis) {
        SiteMap site = model.site();
        long now = startMillis;
        int probes = 3 + random.nextInt(5);
        for (int i = 0; i < probes; i++) {
            Resource target = i == 0
                    ? site.forbidden().get(random.nextInt(site.forbidden().size()))
                    : i == 1
                            ? site.ordersApi()
                            : site.probes().get(random.nextInt(site.probes().size()));
            AccessEvent event =
                    model.responses().respond(now, visitor, target, AccessEvent.NO_REFERER, false, false, random);
            if (!window.accept(event)) {
                return;
            }
            now += 50 + random.nextInt(400);
        }
    }
}
