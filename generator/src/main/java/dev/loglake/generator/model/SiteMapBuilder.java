package dev.loglake.generator.model;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import net.datafaker.Faker;

/** Builds a {@link SiteMap}: datafaker is called here, once per run, never per event. */
final class SiteMapBuilder {
    private static final int CATEGORIES = 16;
    private static final int PRODUCTS = 1500;
    private static final int RETIRED_PRODUCTS = 120;
    private static final int ARTICLES = 400;
    private static final int SEARCH_TERMS = 800;
    private static final int IMAGES_PER_PRODUCT = 3;
    private static final int THUMBNAILS_PER_CATEGORY = 8;

    private final Faker faker;
    private final SplittableRandom random;
    private final List<Resource> resources = new ArrayList<>();
    private final List<String> paths = new ArrayList<>();
    private final Map<String, Integer> pathIds = new HashMap<>();
    private final Set<String> targets = new LinkedHashSet<>();

    SiteMapBuilder(long seed) {
        this.faker = new Faker(Locale.ENGLISH, new Random(seed));
        this.random = new SplittableRandom(seed);
    }

    SiteMap build() {
        List<Resource> bundle = List.of(
                add(HttpMethod.GET, "/static/css/app." + hash() + ".css", ResourceKind.STYLESHEET, 48_211, 1.5),
                add(HttpMethod.GET, "/static/css/vendor." + hash() + ".css", ResourceKind.STYLESHEET, 21_734, 1.4),
                add(HttpMethod.GET, "/static/js/runtime." + hash() + ".js", ResourceKind.SCRIPT, 3_912, 1.2),
                add(HttpMethod.GET, "/static/js/vendor." + hash() + ".js", ResourceKind.SCRIPT, 287_455, 2.5),
                add(HttpMethod.GET, "/static/js/app." + hash() + ".js", ResourceKind.SCRIPT, 94_120, 1.8),
                add(HttpMethod.GET, "/static/fonts/inter-var." + hash() + ".woff2", ResourceKind.FONT, 112_348, 1.8));
        Resource favicon = add(HttpMethod.GET, "/favicon.ico", ResourceKind.ICON, 15_086, 0.8);

        List<Resource> products = new ArrayList<>();
        List<String> productSlugs = new ArrayList<>();
        for (int id = 1; products.size() < PRODUCTS; id++) {
            String slug = unique(() -> slug(faker.commerce().productName()), productSlugs);
            List<Resource> images = new ArrayList<>();
            for (int k = 1; k <= IMAGES_PER_PRODUCT; k++) {
                images.add(add(
                        HttpMethod.GET,
                        "/static/img/products/" + id + "-" + k + ".webp",
                        ResourceKind.IMAGE,
                        18_000 + random.nextInt(160_000),
                        2.0));
            }
            products.add(page("/product/" + id + "-" + slug, ResourceKind.PRODUCT, 62_000, 120, images));
        }

        List<Resource> categories = new ArrayList<>();
        List<String> categorySlugs = new ArrayList<>();
        for (int c = 0; c < CATEGORIES; c++) {
            String slug = unique(() -> slug(faker.commerce().department()), categorySlugs);
            List<Resource> thumbnails = new ArrayList<>();
            for (int t = 0; t < THUMBNAILS_PER_CATEGORY; t++) {
                thumbnails.add(products.get((c * 37 + t * 11) % products.size())
                        .assets()
                        .get(0));
            }
            categories.add(page("/category/" + slug, ResourceKind.CATEGORY, 88_000, 140, thumbnails));
        }

        List<Resource> articles = new ArrayList<>();
        List<String> articleSlugs = new ArrayList<>();
        for (int a = 1; a <= ARTICLES; a++) {
            String slug = unique(() -> slug(faker.book().title()), articleSlugs);
            Resource hero = add(
                    HttpMethod.GET,
                    "/static/img/blog/" + slug + ".webp",
                    ResourceKind.IMAGE,
                    40_000 + random.nextInt(200_000),
                    2.2);
            articles.add(page("/blog/" + slug, ResourceKind.ARTICLE, 41_000, 70, List.of(hero)));
        }

        List<Resource> searches = new ArrayList<>();
        List<String> terms = new ArrayList<>();
        for (int s = 0; s < SEARCH_TERMS; s++) {
            String term = unique(() -> searchTerm(), terms);
            searches.add(page(
                    "/search?q=" + URLEncoder.encode(term, StandardCharsets.UTF_8),
                    ResourceKind.SEARCH,
                    54_000,
                    260,
                    List.of()));
        }

        Resource landing = page("/", ResourceKind.LANDING, 96_000, 90, thumbnails(products, 6));
        Resource cart = page("/cart", ResourceKind.CART, 31_000, 110, List.of());
        Resource checkout = page("/checkout", ResourceKind.CHECKOUT, 38_000, 350, List.of());
        Resource confirmation = page("/checkout/confirmation", ResourceKind.CONFIRMATION, 27_000, 200, List.of());
        Resource login = page("/login", ResourceKind.LOGIN, 19_000, 80, List.of());
        Resource account = page("/account", ResourceKind.ACCOUNT, 33_000, 150, List.of());
        Resource cartAdd = redirect(HttpMethod.POST, "/cart/add", ResourceKind.ACTION, cart, 220);
        Resource payment = redirect(HttpMethod.POST, "/checkout/payment", ResourceKind.ACTION, confirmation, 900);
        Resource loginPost = redirect(HttpMethod.POST, "/login", ResourceKind.ACTION, account, 180);

        List<Resource> reviews = new ArrayList<>();
        List<Resource> recommendations = new ArrayList<>();
        for (int p = 0; p < products.size(); p++) {
            String id = productId(products.get(p));
            reviews.add(add(HttpMethod.GET, "/api/v1/products/" + id + "/reviews", ResourceKind.API, 3_400, 35));
            recommendations.add(
                    add(HttpMethod.GET, "/api/v1/recommendations?product=" + id, ResourceKind.API, 2_100, 80));
        }
        Resource cartApi = add(HttpMethod.GET, "/api/v1/cart", ResourceKind.API, 900, 25);
        Resource eventsApi = add(HttpMethod.POST, "/api/v1/events", ResourceKind.API, 2, 8);
        Resource ordersApi = add(HttpMethod.GET, "/api/v1/orders", ResourceKind.UNAUTHORIZED, 0, 6);
        Resource robots = add(HttpMethod.GET, "/robots.txt", ResourceKind.ROBOTS, 312, 0.9);
        Resource sitemap = add(HttpMethod.GET, "/sitemap.xml", ResourceKind.SITEMAP, 148_211, 30);

        List<Resource> missing = new ArrayList<>();
        for (int r = 0; r < RETIRED_PRODUCTS; r++) {
            missing.add(add(
                    HttpMethod.GET,
                    "/product/" + (PRODUCTS + 1 + r) + "-"
                            + slug(faker.commerce().productName()),
                    ResourceKind.MISSING,
                    0,
                    12));
        }
        missing.add(add(HttpMethod.GET, "/apple-touch-icon.png", ResourceKind.MISSING, 0, 3));
        missing.add(add(HttpMethod.GET, "/apple-touch-icon-precomposed.png", ResourceKind.MISSING, 0, 3));
        List<Resource> probes = new ArrayList<>();
        for (String probe : List.of(
                "/wp-login.php",
                "/.env",
                "/xmlrpc.php",
                "/phpmyadmin/",
                "/.git/config",
                "/vendor/phpunit/phpunit/src/Util/PHP/eval-stdin.php")) {
            probes.add(add(HttpMethod.GET, probe, ResourceKind.MISSING, 0, 4));
        }
        List<Resource> moved = new ArrayList<>();
        moved.add(redirect(HttpMethod.GET, "/home", ResourceKind.MOVED, landing, 3));
        moved.add(redirect(HttpMethod.GET, "/index.html", ResourceKind.MOVED, landing, 3));
        for (int m = 0; m < 20; m++) {
            Resource article = articles.get(m * 7);
            moved.add(redirect(
                    HttpMethod.GET,
                    "/news/" + article.target().text().substring("/blog/".length()),
                    ResourceKind.MOVED,
                    article,
                    3));
        }
        List<Resource> aliases = List.of(
                redirect(HttpMethod.GET, "/sale", ResourceKind.ALIAS, categories.get(0), 4),
                redirect(HttpMethod.GET, "/new", ResourceKind.ALIAS, categories.get(1), 4));
        List<Resource> forbidden = List.of(
                add(HttpMethod.GET, "/admin", ResourceKind.FORBIDDEN, 0, 2),
                add(HttpMethod.GET, "/admin/login", ResourceKind.FORBIDDEN, 0, 2));

        return new SiteMap(
                resources,
                paths,
                landing,
                categories,
                products,
                articles,
                searches,
                cart,
                cartAdd,
                checkout,
                payment,
                confirmation,
                login,
                loginPost,
                account,
                bundle,
                favicon,
                reviews,
                recommendations,
                cartApi,
                eventsApi,
                ordersApi,
                robots,
                sitemap,
                missing,
                probes,
                moved,
                aliases,
                forbidden);
    }

    private Resource page(String target, ResourceKind kind, long bytes, double medianMillis, List<Resource> assets) {
        return register(HttpMethod.GET, target, kind, bytes, medianMillis, assets, Optional.empty());
    }

    private Resource add(HttpMethod method, String target, ResourceKind kind, long bytes, double medianMillis) {
        return register(method, target, kind, bytes, medianMillis, List.of(), Optional.empty());
    }

    private Resource redirect(HttpMethod method, String target, ResourceKind kind, Resource to, double medianMillis) {
        return register(method, target, kind, 0, medianMillis, List.of(), Optional.of(to));
    }

    private Resource register(
            HttpMethod method,
            String target,
            ResourceKind kind,
            long bytes,
            double medianMillis,
            List<Resource> assets,
            Optional<Resource> redirect) {
        if (!targets.add(method + " " + target)) {
            throw new IllegalStateException("target defined twice: " + method + " " + target);
        }
        String path = Resource.pathOf(target);
        int pathId = pathIds.computeIfAbsent(path, key -> {
            paths.add(key);
            return paths.size() - 1;
        });
        Resource resource = new Resource(
                resources.size(),
                method,
                new Token(target),
                pathId,
                new Token("https://" + SiteMap.HOST + target),
                kind,
                bytes,
                medianMillis,
                assets,
                redirect);
        resources.add(resource);
        return resource;
    }

    private List<Resource> thumbnails(List<Resource> products, int count) {
        List<Resource> images = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            images.add(products.get(i * 13).assets().get(0));
        }
        return images;
    }

    private String searchTerm() {
        return switch (random.nextInt(3)) {
            case 0 -> faker.commerce().productName().toLowerCase(Locale.ROOT);
            case 1 -> faker.commerce().material().toLowerCase(Locale.ROOT) + " "
                    + faker.commerce().department().toLowerCase(Locale.ROOT).split("[ ,&]+")[0];
            default -> faker.color().name() + " "
                    + faker.commerce().productName().toLowerCase(Locale.ROOT).replaceAll(".* ", "");
        };
    }

    private String hash() {
        return Long.toHexString((random.nextLong() & 0xffffffffL) | 0x10000000L);
    }

    private static String productId(Resource product) {
        String rest = product.target().text().substring("/product/".length());
        return rest.substring(0, rest.indexOf('-'));
    }

    /** Draws until the value is new: datafaker's catalogues repeat, the site's names must not. */
    private static String unique(Supplier<String> draw, List<String> taken) {
        for (int attempt = 0; attempt < 1000; attempt++) {
            String value = draw.get();
            if (!value.isEmpty() && !taken.contains(value)) {
                taken.add(value);
                return value;
            }
        }
        String fallback = draw.get() + "-" + taken.size();
        taken.add(fallback);
        return fallback;
    }

    static String slug(String text) {
        String slug = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        return slug.replaceAll("^-+|-+$", "");
    }
}
