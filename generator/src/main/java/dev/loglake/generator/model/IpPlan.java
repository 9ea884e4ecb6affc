package dev.loglake.generator.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The simulated address plan: which blocks belong to which country, and the address of each visitor.
 *
 * <p>IPv4: twenty public /8 networks, each cut into sixteen /12 blocks dealt round-robin to the twenty
 * countries, so that every country owns sixteen /12 blocks spread over different /8s, as real allocations
 * are. IPv6: one /32 per country. The plan is synthetic (it is not real GeoIP data) but it is exact: the
 * reference table written beside the logs maps every generated address to its visitor's country.
 *
 * <p>Addresses are a function of a visitor's address index, and distinct indexes of one country give
 * distinct addresses: that is what lets the generator promise that distinct visitors never share an (IP,
 * user agent) pair.
 */
public final class IpPlan {
    private static final int[] FIRST_OCTETS = {
        31, 37, 46, 62, 77, 78, 79, 80, 81, 82, 83, 84, 85, 86, 87, 88, 89, 90, 91, 93
    };
    private static final int BLOCKS_PER_OCTET = 16;
    private static final int BLOCK_HOST_BITS = 20;
    /** Indexes below this get an IPv4 address when the visitor uses IPv4; above it, IPv6 (the pool is full). */
    public static final long IPV4_CAPACITY = 1L << 24;

    private static final long[][] BLOCKS_BY_COUNTRY = blocksByCountry();

    private IpPlan() {}

    /** The visitor's address: IPv4 from the country's blocks, or IPv6 from its /32. */
    public static String address(int countryIndex, long addressIndex, boolean ipv6) {
        if (addressIndex < 0 || addressIndex >= (1L << 32)) {
            throw new IllegalArgumentException("address index out of range: " + addressIndex);
        }
        if (!ipv6 && addressIndex < IPV4_CAPACITY) {
            // A bijection on [0, 2^24): consecutive visitors land far apart, as real clients do.
            long scrambled = (addressIndex * 0x9E3779B1L + 0x5BD1E9L) & (IPV4_CAPACITY - 1);
            long block = BLOCKS_BY_COUNTRY[countryIndex][(int) (scrambled >>> BLOCK_HOST_BITS)];
            return IpText.ipv4(block + (scrambled & ((1L << BLOCK_HOST_BITS) - 1)));
        }
        int[] groups = new int[8];
        groups[0] = 0x2a02;
        groups[1] = ipv6Second(countryIndex);
        groups[2] = (int) ((addressIndex >>> 16) & 0xffff);
        groups[3] = (int) (addressIndex & 0xffff);
        long interfaceId = mix(addressIndex);
        for (int i = 0; i < 4; i++) {
            // Never zero: the interface identifier then never merges with the zero groups before it.
            groups[4 + i] = (int) ((interfaceId >>> (16 * i)) & 0xffff) | 0x100;
        }
        return IpText.ipv6(groups);
    }

    /** The reference table: "network,country" lines for every block of the plan and every crawler. */
    public static List<String> referenceLines() {
        List<String> lines = new ArrayList<>();
        for (int c = 0; c < Countries.ALL.size(); c++) {
            String code = Countries.ALL.get(c).code();
            for (long block : BLOCKS_BY_COUNTRY[c]) {
                lines.add(IpText.ipv4(block) + "/" + (32 - BLOCK_HOST_BITS) + "," + code);
            }
            lines.add("2a02:" + Integer.toHexString(ipv6Second(c)) + "::/32," + code);
        }
        for (Crawler crawler : Crawlers.ALL) {
            lines.add(crawler.cidr() + "," + crawler.country());
        }
        return List.copyOf(lines);
    }

    private static int ipv6Second(int countryIndex) {
        return 0x1000 + 0x10 * countryIndex;
    }

    private static long[][] blocksByCountry() {
        int countries = Countries.ALL.size();
        if (countries != FIRST_OCTETS.length) {
            throw new IllegalStateException("the plan deals one /8 per country");
        }
        long[][] blocks = new long[countries][BLOCKS_PER_OCTET];
        int[] dealt = new int[countries];
        for (int o = 0; o < FIRST_OCTETS.length; o++) {
            for (int b = 0; b < BLOCKS_PER_OCTET; b++) {
                int country = (o + b) % countries;
                blocks[country][dealt[country]++] = ((long) FIRST_OCTETS[o] << 24) | ((long) b << BLOCK_HOST_BITS);
            }
        }
        return blocks;
    }

    static long mix(long value) {
        long z = value + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
