package dev.loglake.generator.model;

import java.util.List;

/** The crawlers that visit the simulated site, most frequent first, with their real user agents. */
public final class Crawlers {
    public static final List<Crawler> ALL = List.of(
            new Crawler(
                    "Googlebot",
                    "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
                    ipv4(66, 249, 64, 0),
                    24,
                    40,
                    "US"),
            new Crawler(
                    "Googlebot smartphone",
                    "Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) AppleWebKit/537.36 (KHTML, like Gecko)"
                            + " Chrome/131.0.6778.204 Mobile Safari/537.36 (compatible; Googlebot/2.1;"
                            + " +http://www.google.com/bot.html)",
                    ipv4(66, 249, 66, 0),
                    24,
                    30,
                    "US"),
            new Crawler(
                    "bingbot",
                    "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; bingbot/2.0;"
                            + " +http://www.bing.com/bingbot.htm) Chrome/116.0.1938.76 Safari/537.36",
                    ipv4(157, 55, 39, 0),
                    24,
                    25,
                    "US"),
            new Crawler(
                    "YandexBot",
                    "Mozilla/5.0 (compatible; YandexBot/3.0; +http://yandex.com/bots)",
                    ipv4(5, 255, 253, 0),
                    24,
                    10,
                    "RU"),
            new Crawler(
                    "Baiduspider",
                    "Mozilla/5.0 (compatible; Baiduspider/2.0; +http://www.baidu.com/search/spider.html)",
                    ipv4(180, 76, 15, 0),
                    24,
                    10,
                    "CN"),
            new Crawler(
                    "DuckDuckBot",
                    "DuckDuckBot/1.1; (+http://duckduckgo.com/duckduckbot.html)",
                    ipv4(20, 191, 45, 0),
                    24,
                    5,
                    "US"),
            new Crawler(
                    "AhrefsBot",
                    "Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)",
                    ipv4(54, 36, 148, 0),
                    23,
                    20,
                    "FR"),
            new Crawler(
                    "Yahoo Slurp",
                    "Mozilla/5.0 (compatible; Yahoo! Slurp; http://help.yahoo.com/help/us/ysearch/slurp)",
                    ipv4(72, 30, 198, 0),
                    24,
                    5,
                    "US"),
            new Crawler(
                    "Applebot",
                    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_5) AppleWebKit/605.1.15 (KHTML, like Gecko)"
                            + " Version/13.1.1 Safari/605.1.15 (Applebot/0.1; +http://www.apple.com/go/applebot)",
                    ipv4(17, 58, 98, 0),
                    24,
                    8,
                    "US"));

    /** Relative crawl volume of each crawler in {@link #ALL}: Google crawls most. */
    static final double[] WEIGHTS = {30, 12, 20, 6, 5, 3, 14, 2, 8};

    private Crawlers() {}

    private static long ipv4(int a, int b, int c, int d) {
        return ((long) a << 24) | ((long) b << 16) | ((long) c << 8) | d;
    }
}
