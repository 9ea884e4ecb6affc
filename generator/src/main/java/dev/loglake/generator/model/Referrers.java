package dev.loglake.generator.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.random.RandomGenerator;
import net.datafaker.Faker;

/** Where first page views come from: search engines, social networks, other sites, or nowhere (direct). */
public final class Referrers {
    /** The kind of source, which decides the page a visitor lands on. */
    public enum Source {
        SEARCH,
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
            return draw < 0.55 ? Source.DIRECT : draw < 0.90 ? Source.SEARCH : Source.SOCIAL;
        }
        return draw < 0.45 ? Source.SEARCH : draw < 0.62 ? Source.SOCIAL : draw < 0.72 ? Source.SITE : Source.DIRECT;
    }

    public Token referer(Source source, RandomGenerator random) {
        return switch (source) {
            case SEARCH -> searchEngines.get(random.nextInt(searchEngines.size()));
            case SOCIAL -> social.get(random.nextInt(social.size()));
            case SITE -> sites.get(random.nextInt(sites.size()));
            case DIRECT -> AccessEvent.NO_REFERER;
        };
    }
}
