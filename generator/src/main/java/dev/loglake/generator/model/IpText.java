package dev.loglake.generator.model;

/** Text forms of addresses as web servers log them: dotted IPv4, and IPv6 in RFC 5952 canonical form. */
public final class IpText {
    private IpText() {}

    public static String ipv4(long address) {
        return ((address >>> 24) & 0xff) + "." + ((address >>> 16) & 0xff) + "." + ((address >>> 8) & 0xff) + "."
                + (address & 0xff);
    }

    /** RFC 5952: lower-case hex, no leading zeros, the longest run of two or more zero groups as "::". */
    public static String ipv6(int[] groups) {
        if (groups.length != 8) {
            throw new IllegalArgumentException("an IPv6 address has 8 groups, got " + groups.length);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder text = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append(i == 0 ? "::" : ":");
                i += bestLength - 1;
                continue;
            }
            text.append(Integer.toHexString(groups[i] & 0xffff));
            if (i < 7) {
                text.append(':');
            }
        }
        return text.toString();
    }
}
