package dev.loglake.generator.model;

import static java.util.Objects.requireNonNull;

import java.util.regex.Pattern;

/**
 * A country visitors come from.
 *
 * @param code ISO 3166 alpha-2 code, as the IP-block reference table writes it
 * @param utcOffsetMinutes standard-time offset of the visitors' clocks; daylight saving is ignored, which
 *     shifts the daily cycle by at most an hour for half the year
 * @param weight share of human visitors, relative to the other countries
 */
public record Country(String code, int utcOffsetMinutes, double weight) {
    private static final Pattern CODE = Pattern.compile("[A-Z]{2}");

    public Country {
        requireNonNull(code, "code is null");
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("country code must be two upper-case letters: " + code);
        }
        if (utcOffsetMinutes < -12 * 60 || utcOffsetMinutes > 14 * 60) {
            throw new IllegalArgumentException("UTC offset out of range: " + utcOffsetMinutes);
        }
        if (!(weight > 0)) {
            throw new IllegalArgumentException("weight must be positive: " + weight);
        }
    }
}
