package dev.loglake.lake.catalog;

import static java.util.Objects.requireNonNull;

/** A catalog as Trino lists it in {@code system.metadata.catalogs}. */
public record CatalogEntry(String name, String connector) {
    public CatalogEntry {
        requireNonNull(name, "name is null");
        requireNonNull(connector, "connector is null");
    }
}
