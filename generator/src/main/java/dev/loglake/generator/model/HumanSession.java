package dev.loglake.generator.model;

import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * A person's visit: lands on a page from a referrer, reads, clicks on through the shop (categories,
 * products, search, cart, checkout) and leaves. Every page loads its assets right after it; the first page
 * of a visit also loads the site-wide bundle. Redirects are followed at once, as browsers do.
 */
final class HumanSession {
    private static final int MAX_PAGE_VIEWS = 40;

    private final SiteMap site;
    private final TrafficModel model;
    private final ResponseModel responses;
    private final EventWindow window;
    private final RandomGenerator random;
    private final Visitor visitor;
    private long now;
    private boolean signedIn;
    private boolean bundleLoaded;

    HumanSession(TrafficModel model, EventWindow window, RandomGenerator random, Visitor visitor) {
        this.site = model.site();
        this.model = model;
        this.responses = model.responses();
        this.window = window;
        this.random = random;
        this.visitor = visitor;
    }

    void walk(long startMillis, Referrers referrers) {
        now = startMillis;
        Referrers.Source source = referrers.source(random, visitor.kind() == VisitorKind.RETURNING);
        Optional<Resource> next;
        Token referer;
        if (source == Referrers.Source.PAID) {
            Referrers.AdClick click = referrers.adClick(random);
            referer = click.referer();
            next = Optional.of(entryPage(source).withQuery(click.query()));
        } else {
            referer = referrers.referer(source, random);
            next = Optional.of(entryPage(source));
        }
        for (int views = 0; views < MAX_PAGE_VIEWS && next.isPresent(); views++) {
            Optional<Resource> shown = view(next.get(), referer);
            if (shown.isEmpty()) {
                return;
            }
            referer = shown.get().url();
            now += thinkMillis(shown.get().kind());
            next = nextPage(shown.get());
        }
    }

    /** Requests a page, follows its redirects and loads its assets; empty when the session has ended. */
    private Optional<Resource> view(Resource requested, Token referer) {
        Resource resource = requested;
        for (int hops = 0; hops < 3; hops++) {
            AccessEvent event = request(resource, referer);
            if (event == null) {
                return Optional.empty();
            }
            if (resource.equals(site.loginPost()) && event.status() == 302) {
                signedIn = true;
            }
            if ((event.status() == 301 || event.status() == 302)
                    && resource.redirect().isPresent()) {
                // A form post redirects from its page; a moved link keeps the original referrer.
                referer = resource.kind() == ResourceKind.ACTION ? resource.url() : referer;
                resource = resource.redirect().get();
                now += 40 + random.nextInt(200);
                if (resource.kind() == ResourceKind.CONFIRMATION) {
                    // The shop's confirmation page names the order it placed: what joins the logs to the orders.
                    resource = resource.withQuery("order=" + model.orderId(visitor.key(), now));
                }
                continue;
            }
            if (resource.equals(site.account()) && event.status() == 302) {
                resource = site.login();
                referer = site.account().url();
                now += 40 + random.nextInt(200);
                continue;
            }
            if (event.status() == 200 && resource.kind().page()) {
                loadAssets(resource);
            }
            return Optional.of(resource);
        }
        return Optional.of(resource);
    }

    private void loadAssets(Resource page) {
        long pageTime = now;
        long at = pageTime + 30 + random.nextInt(120);
        if (!bundleLoaded) {
            bundleLoaded = true;
            for (Resource asset : site.bundle()) {
                at = asset(asset, page, at);
            }
            at = asset(site.favicon(), page, at);
            if (visitor.device() != Device.DESKTOP && visitor.userAgent().text().contains("iP")) {
                // iOS asks for a home-screen icon the site does not have: a real source of 404s.
                at = asset(site.missing().get(site.missing().size() - 2), page, at);
            }
        }
        for (Resource asset : page.assets()) {
            at = asset(asset, page, at);
        }
        List<Resource> calls = apiCalls(page);
        for (Resource call : calls) {
            at += 20 + random.nextInt(300);
            if (!emit(at, call, page.url())) {
                return;
            }
        }
        now = Math.max(now, at);
    }

    private long asset(Resource asset, Resource page, long at) {
        emit(at, asset, page.url());
        return at + 5 + random.nextInt(90);
    }

    private List<Resource> apiCalls(Resource page) {
        int index = model.productIndex(page.id());
        if (page.kind() == ResourceKind.PRODUCT && index >= 0) {
            return List.of(
                    site.reviewsApi().get(index), site.recommendationsApi().get(index), site.eventsApi());
        }
        if (page.kind() == ResourceKind.CART || page.kind() == ResourceKind.CHECKOUT) {
            return List.of(site.cartApi(), site.eventsApi());
        }
        return random.nextDouble() < 0.5 ? List.of(site.eventsApi()) : List.of();
    }

    private AccessEvent request(Resource resource, Token referer) {
        AccessEvent event = responses.respond(now, visitor, resource, referer, signedIn, cached(), random);
        return window.accept(event) ? event : null;
    }

    private boolean emit(long at, Resource resource, Token referer) {
        return window.accept(responses.respond(at, visitor, resource, referer, signedIn, cached(), random));
    }

    private boolean cached() {
        return visitor.kind() == VisitorKind.RETURNING;
    }

    private Resource entryPage(Referrers.Source source) {
        double draw = random.nextDouble();
        return switch (source) {
            case SEARCH, PAID -> draw < 0.5
                    ? any(site.products())
                    : draw < 0.7 ? any(site.categories()) : draw < 0.95 ? any(site.articles()) : site.landing();
            case SOCIAL -> draw < 0.5 ? any(site.articles()) : draw < 0.9 ? any(site.products()) : site.landing();
            case SITE -> draw < 0.4 ? any(site.products()) : draw < 0.8 ? any(site.articles()) : site.landing();
            case DIRECT -> draw < 0.72
                    ? site.landing()
                    : draw < 0.82
                            ? site.account()
                            : draw < 0.87 ? site.cart() : draw < 0.94 ? any(site.moved()) : any(site.aliases());
        };
    }

    private Optional<Resource> nextPage(Resource page) {
        double draw = random.nextDouble();
        Resource next =
                switch (page.kind()) {
                    case LANDING -> draw < 0.40
                            ? any(site.categories())
                            : draw < 0.58
                                    ? any(site.searches())
                                    : draw < 0.78
                                            ? any(site.products())
                                            : draw < 0.85
                                                    ? any(site.articles())
                                                    : draw < 0.90 ? any(site.aliases()) : null;
                    case CATEGORY -> draw < 0.55
                            ? any(site.products())
                            : draw < 0.65 ? any(site.categories()) : draw < 0.75 ? any(site.searches()) : null;
                    case PRODUCT -> draw < 0.22
                            ? any(site.products())
                            : draw < 0.34
                                    ? site.cartAdd()
                                    : draw < 0.48
                                            ? any(site.categories())
                                            : draw < 0.58
                                                    ? any(site.searches())
                                                    : draw < 0.59 ? any(site.missing()) : null;
                    case SEARCH -> draw < 0.55 ? any(site.products()) : draw < 0.70 ? any(site.searches()) : null;
                    case ARTICLE -> draw < 0.28
                            ? any(site.articles())
                            : draw < 0.43
                                    ? any(site.products())
                                    : draw < 0.51 ? site.landing() : draw < 0.53 ? any(site.moved()) : null;
                    case CART -> draw < 0.45 ? site.checkout() : draw < 0.60 ? any(site.products()) : null;
                    case CHECKOUT -> draw < 0.65 ? site.payment() : draw < 0.75 ? site.cart() : null;
                    case CONFIRMATION -> draw < 0.25 ? site.account() : draw < 0.40 ? site.landing() : null;
                    case LOGIN -> draw < 0.85 ? site.loginPost() : null;
                    case ACCOUNT -> draw < 0.30 ? any(site.products()) : draw < 0.50 ? site.landing() : null;
                    default -> null;
                };
        return Optional.ofNullable(next);
    }

    private long thinkMillis(ResourceKind kind) {
        double median =
                switch (kind) {
                    case SEARCH, CATEGORY -> 9_000;
                    case ARTICLE -> 60_000;
                    case CART, CHECKOUT, LOGIN -> 25_000;
                    default -> 20_000;
                };
        return Math.max(800, Math.round(median * Math.exp(0.9 * random.nextGaussian())));
    }

    private Resource any(List<Resource> resources) {
        // Popular items are visited far more than the long tail: square the uniform draw.
        double u = random.nextDouble();
        return resources.get((int) (u * u * resources.size()));
    }
}
