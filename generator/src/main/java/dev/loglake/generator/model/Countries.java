package dev.loglake.generator.model;

import java.util.List;

/** The countries of the simulated audience: a shop selling mostly to North America and Europe. */
public final class Countries {
    /** In a fixed order: the IP-block plan assigns address blocks by position in this list. */
    public static final List<Country> ALL = List.of(
            new Country("US", -5 * 60, 30),
            new Country("DE", 60, 8),
            new Country("GB", 0, 8),
            new Country("FR", 60, 6),
            new Country("IN", 330, 7),
            new Country("BR", -3 * 60, 5),
            new Country("JP", 9 * 60, 5),
            new Country("CA", -5 * 60, 4),
            new Country("AU", 10 * 60, 3),
            new Country("NL", 60, 3),
            new Country("ES", 60, 3),
            new Country("IT", 60, 3),
            new Country("MX", -6 * 60, 3),
            new Country("PL", 60, 2),
            new Country("SE", 60, 2),
            new Country("KR", 9 * 60, 2),
            new Country("ID", 7 * 60, 2),
            new Country("ZA", 2 * 60, 1.5),
            new Country("NG", 60, 1.5),
            new Country("SG", 8 * 60, 1));

    private Countries() {}

    public static int indexOf(String code) {
        for (int i = 0; i < ALL.size(); i++) {
            if (ALL.get(i).code().equals(code)) {
                return i;
            }
        }
        throw new IllegalArgumentException("Unknown country: " + code);
    }
}
