package dev.loglake.deploy;

/** IPv4 addresses and CIDRs as NetworkPolicy ipBlocks and Terraform's cidrsubnet() use them. */
final class Ipv4 {
    private Ipv4() {}

    static long parse(String address) {
        String[] octets = address.split("\\.", -1);
        if (octets.length != 4) {
            throw new IllegalArgumentException("Not an IPv4 address: " + address);
        }
        long value = 0;
        for (String octet : octets) {
            int number = Integer.parseInt(octet);
            if (number < 0 || number > 255) {
                throw new IllegalArgumentException("Not an IPv4 address: " + address);
            }
            value = value << 8 | number;
        }
        return value;
    }

    static boolean contains(String cidr, String address) {
        String[] parts = cidr.split("/", 2);
        int prefix = Integer.parseInt(parts[1]);
        long mask = prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
        return (parse(parts[0]) & mask) == (parse(address) & mask);
    }

    /** Terraform's cidrsubnet(prefix, newbits, netnum). */
    static String cidrSubnet(String cidr, int newBits, int netNum) {
        String[] parts = cidr.split("/", 2);
        int prefix = Integer.parseInt(parts[1]) + newBits;
        long network = parse(parts[0]) + ((long) netNum << (32 - prefix));
        return format(network) + "/" + prefix;
    }

    /** The address {@code offset} places into a CIDR. */
    static String host(String cidr, int offset) {
        return format(parse(cidr.split("/", 2)[0]) + offset);
    }

    private static String format(long value) {
        return (value >> 24 & 255) + "." + (value >> 16 & 255) + "." + (value >> 8 & 255) + "." + (value & 255);
    }
}
