package dev.loglake.generator.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.random.RandomGenerator;
import net.datafaker.Faker;

/**
 * Where first page views come from: search engines, paid ads (search and social, tagged with campaign parameters),
 * social networks, other sites, or nowhere (direct).
 */
public final class Referrers {
    /** The kind of source, which decides the page a visitor lands on. */
    public enum Source {
        SEARCH,
        /** An ad click: a search engine's or social network's referrer, and utm_* parameters on the landing URL. */
        PAID,
        SOCIAL,
        SITE,
        DIRECT
    }

    private static final int LINKING_SITES = 300;

    private final List<Token> searchEngines = List.of(
            new Token("https://www.google.com/"),
            new Token("https://www.google.com/"),
            new Token("https://www.google.com/"),
            new Token("https://www.google.com/"),
            new Token("https://www.google.co.uk/"),
            new Token("https://www.google.de/"),
            new Token("https://www.bing.com/"),
            new Token("https://duckduckgo.com/"),
            new Token("https://search.yahoo.com/"),
            new Token("https://yandex.ru/"));
    private final List<Token> social = List.of(
            new Token("https://t.co/"),
            new Token("https://www.facebook.com/"),
            new Token("https://l.facebook.com/"),
            new Token("https://l.instagram.com/"),
            new Token("https://www.reddit.com/"),
            new Token("https://www.pinterest.com/"),
            new Token("https://www.youtube.com/"));
    private final List<Token> sites;
    private final List<Token> adNetworks =
            List.of(new Token("https://www.google.com/"), new Token("https://www.bing.com/"));
    private final List<Token> paidSocial =
            List.of(new Token("https://www.facebook.com/"), new Token("https://l.instagram.com/"));
    private static final List<String> SEARCH_CAMPAIGNS = List.of("brand", "brand", "generic-shoes", "winter-sale");
    private static final List<String> SOCIAL_CAMPAIGNS = List.of("winter-sale", "retargeting", "new-arrivals");

    private Referrers(List<Token> sites) {
        this.sites = List.copyOf(sites);
    }

    public static Referrers build(long seed) {
        Faker faker = new Faker(Locale.ENGLISH, new Random(seed ^ 0x5EEDL));
        Set<String> urls = new LinkedHashSet<>();
        for (int attempt = 0; urls.size() < LINKING_SITES && attempt < LINKING_SITES * 10; attempt++) {
            String slug = SiteMapBuilder.slug(faker.book().title());
            urls.add("https://" + faker.internet().domainName() + "/" + slug);
        }
        List<Token> sites = new ArrayList<>();
        urls.forEach(url -> sites.add(new Token(url)));
        return new Referrers(sites);
    }

    public Source source(RandomGenerator random, boolean returning) {
        double draw = random.nextDouble();
        if (returning) {
            return draw < 0.55
                    ? Source.DIRECT
                    : draw < 0.82 ? Source.SEARCH : draw < 0.90 ? Source.PAID : Source.SOCIAL;
        }
        // About a tenth of new visitors click an ad, as in a typical small shop's analytics.
        return draw < 0.36
                ? Source.SEARCH
                : draw < 0.47 ? Source.PAID : draw < 0.62 ? Source.SOCIAL : draw < 0.72 ? Source.SITE : Source.DIRECT;
    }

    /** An ad click: its referrer and the campaign parameters its landing URL carries. */
    public record AdClick(Token referer, String query) {}

    /** Two clicks in three come from search ads (utm_medium=cpc), the others from paid social posts. */
    public AdClick adClick(RandomGenerator random) {
        if (random.nextDouble() < 0.67) {
            Token referer = adNetworks.get(random.nextInt(adNetworks.size()));
            String source = referer.text().contains("bing") ? "bing" : "google";
            return new AdClick(
                    referer, utm(source, "cpc", SEARCH_CAMPAIGNS.get(random.nextInt(SEARCH_CAMPAIGNS.size()))));
        }
        Token referer = paidSocial.get(random.nextInt(paidSocial.size()));
        String source = referer.text().contains("instagram") ? "instagram" : "facebook";
        return new AdClick(
                referer, utm(source, "paid_social", SOCIAL_CAMPAIGNS.get(random.nextInt(SOCIAL_CAMPAIGNS.size()))));
    }

    private static String utm(String source, String medium, String campaign) {
        return "utm_source=" + source + "&utm_medium=" + medium + "&utm_campaign=" + campaign;
    }

    public Token referer(Source source, RandomGenerator random) {
        return switch (source) {
            case SEARCH -> searchEngines.get(random.nextInt(searchEngines.size()));
            case PAID -> throw new IllegalArgumentException("an ad click's referrer comes with it: use adClick");
            case SOCIAL -> social.get(random.nextInt(social.size()));
            case SITE -> sites.get(random.nextInt(sites.size()));
            case DIRECT -> AccessEvent.NO_REFERER;
        };
    }
}
