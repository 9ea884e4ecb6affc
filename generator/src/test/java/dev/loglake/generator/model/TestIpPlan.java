package dev.loglake.generator.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.net.InetAddress;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TestIpPlan {
    @Test
    void everyAddressIsInABlockOfItsCountry() throws Exception {
        List<String> reference = IpPlan.referenceLines();
        for (long index :
                new long[] {0, 1, 2, 1_000, 123_456, IpPlan.IPV4_CAPACITY - 1, IpPlan.IPV4_CAPACITY, 4_000_000_000L}) {
            for (int country = 0; country < Countries.ALL.size(); country++) {
                for (boolean ipv6 : new boolean[] {false, true}) {
                    String address = IpPlan.address(country, index, ipv6);
                    assertThat(countriesOf(address, reference))
                            .as(address)
                            .containsExactly(Countries.ALL.get(country).code());
                }
            }
        }
    }

    @Test
    void crawlersAreInTheirBlocks() throws Exception {
        List<String> reference = IpPlan.referenceLines();
        for (int c = 0; c < Crawlers.ALL.size(); c++) {
            Crawler crawler = Crawlers.ALL.get(c);
            assertThat(countriesOf(crawler.address(crawler.addresses() - 1), reference))
                    .containsExactly(crawler.country());
        }
    }

    @Test
    void distinctIndexesGiveDistinctAddresses() {
        Set<String> addresses = new HashSet<>();
        for (long index = 0; index < 200_000; index++) {
            assertThat(addresses.add(IpPlan.address(3, index, index % 5 == 0))).isTrue();
        }
    }

    @Test
    void ipv6IsCanonical() {
        assertThat(IpText.ipv6(new int[] {0x2a02, 0x1000, 0, 0, 0x1, 0x2, 0x3, 0x4}))
                .isEqualTo("2a02:1000::1:2:3:4");
        assertThat(IpText.ipv6(new int[] {0x2a02, 0x1000, 0, 5, 0x1, 0x2, 0x3, 0x4}))
                .isEqualTo("2a02:1000:0:5:1:2:3:4");
        assertThat(IpText.ipv6(new int[] {0, 0, 0, 0, 0, 0, 0, 1})).isEqualTo("::1");
        assertThat(IpText.ipv6(new int[] {1, 0, 0, 2, 0, 0, 0, 3})).isEqualTo("1:0:0:2::3");
    }

    @Test
    void blocksDoNotOverlap() throws Exception {
        List<String> reference = IpPlan.referenceLines();
        for (String line : reference) {
            String network = line.substring(0, line.indexOf('/'));
            assertThat(countriesOf(network, reference)).as(line).hasSize(1);
        }
    }

    private static List<String> countriesOf(String address, List<String> reference) throws Exception {
        BigInteger value = new BigInteger(1, InetAddress.getByName(address).getAddress());
        int bits = address.contains(":") ? 128 : 32;
        return reference.stream()
                .filter(line -> {
                    String cidr = line.substring(0, line.indexOf(','));
                    String network = cidr.substring(0, cidr.indexOf('/'));
                    int prefix = Integer.parseInt(cidr.substring(cidr.indexOf('/') + 1));
                    if (network.contains(":") != (bits == 128)) {
                        return false;
                    }
                    try {
                        BigInteger base =
                                new BigInteger(1, InetAddress.getByName(network).getAddress());
                        return value.shiftRight(bits - prefix).equals(base.shiftRight(bits - prefix));
                    } catch (java.net.UnknownHostException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .map(line -> line.substring(line.indexOf(',') + 1))
                .toList();
    }
}
