package dev.loglake.generator.model;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The simulated site, a web shop with a blog: every path a request can name, built once per run from the
 * seed (datafaker supplies the product names, categories, article titles and search terms).
 */
public record SiteMap(
        List<Resource> resources,
        List<String> paths,
        Resource landing,
        List<Resource> categories,
        List<Resource> products,
        List<Resource> articles,
        List<Resource> searches,
        Resource cart,
        Resource cartAdd,
        Resource checkout,
        Resource payment,
        Resource confirmation,
        Resource login,
        Resource loginPost,
        Resource account,
        List<Resource> bundle,
        Resource favicon,
        List<Resource> reviewsApi,
        List<Resource> recommendationsApi,
        Resource cartApi,
        Resource eventsApi,
        Resource ordersApi,
        Resource robots,
        Resource sitemap,
        List<Resource> missing,
        List<Resource> probes,
        List<Resource> moved,
        List<Resource> aliases,
        List<Resource> forbidden) {
    public static final String HOST = "www.loglake-shop.example";

    public SiteMap {
        resources = List.copyOf(resources);
        paths = List.copyOf(paths);
        requireNonNull(landing, "landing is null");
        categories = List.copyOf(categories);
        products = List.copyOf(products);
        articles = List.copyOf(articles);
        searches = List.copyOf(searches);
        bundle = List.copyOf(bundle);
        reviewsApi = List.copyOf(reviewsApi);
        recommendationsApi = List.copyOf(recommendationsApi);
        missing = List.copyOf(missing);
        probes = List.copyOf(probes);
        moved = List.copyOf(moved);
        aliases = List.copyOf(aliases);
        forbidden = List.copyOf(forbidden);
        for (int i = 0; i < resources.size(); i++) {
            if (resources.get(i).id() != i) {
                throw new IllegalArgumentException("resource ids must be their positions");
            }
        }
    }

    public static SiteMap build(long seed) {
        return new SiteMapBuilder(seed).build();
    }
}
