package dev.loglake.generator.shop;

import dev.loglake.generator.model.Resource;
import dev.loglake.generator.shop.ShopOrder.OrderItem;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The shop's products (the site map's product pages) with prices, and what an order contains: drawn from the order
 * id alone, so that any worker thread, and any rerun, makes the same order of the same id.
 */
public final class ShopCatalog {
    private final List<String> skus;
    private final List<String> names;
    private final long[] prices;

    public ShopCatalog(List<Resource> productPages, long seed) {
        List<String> skus = new ArrayList<>();
        List<String> names = new ArrayList<>();
        prices = new long[productPages.size()];
        SplittableRandom random = new SplittableRandom(seed ^ 0x9A1CE5L);
        for (int i = 0; i < productPages.size(); i++) {
            String path = Resource.pathOf(productPages.get(i).target().text());
            String slug = path.substring(path.lastIndexOf('/') + 1);
            skus.add("SKU-" + slug.substring(0, slug.indexOf('-') < 0 ? slug.length() : slug.indexOf('-')));
            names.add(slug);
            // Prices from 4.99 to 199.99, most under 50: a square of a uniform draw, ending in .99.
            double u = random.nextDouble();
            prices[i] = 499 + Math.round(u * u * 195) * 100;
        }
        this.skus = List.copyOf(skus);
        this.names = List.copyOf(names);
    }

    /** One to three lines (most orders have one), one to three of each. */
    public List<OrderItem> items(long orderId) {
        SplittableRandom random = new SplittableRandom(orderId);
        double draw = random.nextDouble();
        int lines = draw < 0.7 ? 1 : draw < 0.92 ? 2 : 3;
        List<OrderItem> items = new ArrayList<>();
        for (int line = 1; line <= lines; line++) {
            int product = random.nextInt(prices.length);
            double amount = random.nextDouble();
            int quantity = amount < 0.8 ? 1 : amount < 0.95 ? 2 : 3;
            items.add(new OrderItem(line, skus.get(product), names.get(product), quantity, prices[product]));
        }
        return items;
    }
}
