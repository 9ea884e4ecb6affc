package dev.loglake.generator.model;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.random.RandomGenerator;
import net.datafaker.Faker;
import net.datafaker.providers.base.Internet;

/**
 * The browsers of the simulated audience, by device: current browsers (most of the traffic) and a long tail
 * of older ones drawn from datafaker's catalogue, as real sites still see them.
 */
public final class UserAgents {
    private static final double CURRENT_WEIGHT = 12;
    private static final double LEGACY_WEIGHT = 0.3;
    private static final int LEGACY_SAMPLES_PER_FAMILY = 12;

    private static final List<String> CURRENT_DESKTOP = List.of(
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0.0.0 Safari/537.36",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0.0.0 Safari/537.36 Edg/141.0.0.0",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0.0.0 Safari/537.36",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.6 Safari/605.1.15",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:143.0) Gecko/20100101 Firefox/143.0",
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0.0.0 Safari/537.36",
            "Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:143.0) Gecko/20100101 Firefox/143.0");
    private static final List<String> CURRENT_MOBILE = List.of(
            "Mozilla/5.0 (iPhone; CPU iPhone OS 18_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.6 Mobile/15E148 Safari/604.1",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 18_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.5 Mobile/15E148 Safari/604.1",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_7 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.7 Mobile/15E148 Safari/604.1",
            "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0.0.0 Mobile Safari/537.36",
            "Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/28.0 Chrome/130.0.0.0 Mobile Safari/537.36",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 18_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/141.0.7390.41 Mobile/15E148 Safari/604.1",
            "Mozilla/5.0 (Android 15; Mobile; rv:143.0) Gecko/143.0 Firefox/143.0");
    private static final List<String> CURRENT_TABLET = List.of(
            "Mozilla/5.0 (iPad; CPU OS 18_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.6 Mobile/15E148 Safari/604.1",
            "Mozilla/5.0 (Linux; Android 14; SM-X710) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0.0.0 Safari/537.36");

    private final Map<Device, WeightedList<UserAgent>> byDevice;

    private UserAgents(Map<Device, WeightedList<UserAgent>> byDevice) {
        this.byDevice = byDevice;
    }

    public static UserAgents build(long seed) {
        Map<Device, List<UserAgent>> lists = new EnumMap<>(Device.class);
        for (Device device : Device.values()) {
            lists.put(device, new ArrayList<>());
        }
        CURRENT_DESKTOP.forEach(text -> lists.get(Device.DESKTOP).add(current(text, Device.DESKTOP)));
        CURRENT_MOBILE.forEach(text -> lists.get(Device.MOBILE).add(current(text, Device.MOBILE)));
        CURRENT_TABLET.forEach(text -> lists.get(Device.TABLET).add(current(text, Device.TABLET)));
        for (String text : legacy(seed)) {
            Device device = classify(text);
            lists.get(device).add(new UserAgent(new Token(text), device, LEGACY_WEIGHT));
        }
        Map<Device, WeightedList<UserAgent>> byDevice = new EnumMap<>(Device.class);
        lists.forEach((device, agents) -> byDevice.put(device, new WeightedList<>(agents, UserAgent::weight)));
        return new UserAgents(byDevice);
    }

    public UserAgent pick(Device device, RandomGenerator random) {
        return byDevice.get(device).pick(random);
    }

    public List<UserAgent> all(Device device) {
        return byDevice.get(device).items();
    }

    /** The device a user agent string describes, the way analytics tools guess it. */
    public static Device classify(String userAgent) {
        String lower = userAgent.toLowerCase(Locale.ROOT);
        if (lower.contains("ipad") || lower.contains("tablet")) {
            return Device.TABLET;
        }
        if (lower.contains("iphone") || lower.contains("mobile") || lower.contains("android")) {
            return Device.MOBILE;
        }
        return Device.DESKTOP;
    }

    private static UserAgent current(String text, Device device) {
        return new UserAgent(new Token(text), device, CURRENT_WEIGHT);
    }

    private static Set<String> legacy(long seed) {
        Faker faker = new Faker(Locale.ENGLISH, new Random(seed));
        Set<String> texts = new LinkedHashSet<>();
        List<Internet.UserAgent> families = List.of(
                Internet.UserAgent.CHROME,
                Internet.UserAgent.FIREFOX,
                Internet.UserAgent.SAFARI,
                Internet.UserAgent.OPERA,
                Internet.UserAgent.INTERNET_EXPLORER);
        for (Internet.UserAgent family : families) {
            for (int i = 0; i < LEGACY_SAMPLES_PER_FAMILY; i++) {
                String text = faker.internet().userAgent(family);
                // The catalogue holds a few crawlers and odd strings among its browsers; keep browsers only.
                if (!BotRule.isBot(text) && text.indexOf('"') < 0 && text.indexOf('\\') < 0 && !text.contains("x.y")) {
                    texts.add(text);
                }
            }
        }
        texts.removeAll(CURRENT_DESKTOP);
        texts.removeAll(CURRENT_MOBILE);
        texts.removeAll(CURRENT_TABLET);
        return texts;
    }
}
