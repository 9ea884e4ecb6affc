package dev.loglake.generator.shop;

import java.util.List;

/**
 * An order the shop placed: the visit's confirmation page named it.
 *
 * @param orderedAtMillis the confirmation request's time, UTC epoch milliseconds
 */
public record ShopOrder(long orderId, long customerId, long orderedAtMillis, List<OrderItem> items) {
    public ShopOrder {
        items = List.copyOf(items);
        if (items.isEmpty()) {
            throw new IllegalArgumentException("order " + orderId + " has no items");
        }
    }

    public long amountCents() {
        return items.stream().mapToLong(OrderItem::amountCents).sum();
    }

    /** One line of an order. */
    public record OrderItem(int lineNumber, String sku, String productName, int quantity, long unitPriceCents) {
        public long amountCents() {
            return quantity * unitPriceCents;
        }
    }
}
