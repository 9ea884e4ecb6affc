package dev.loglake.generator.model;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * A request target of the site and how it answers.
 *
 * @param id index in {@link SiteMap#resources()}
 * @param target the request target as logged: path and query
 * @param pathId index of the path (target up to the first '?') in {@link SiteMap#paths()}
 * @param url the absolute URL, which later requests send as their referrer
 * @param bytes typical response body size for a 200 (exact for static files)
 * @param medianMillis median response time of a 200
 * @param assets what a browser loads after this page, beyond the site-wide bundle
 * @param redirect where a 301/302 sends the client
 */
public record Resource(
        int id,
        HttpMethod method,
        Token target,
        int pathId,
        Token url,
        ResourceKind kind,
        long bytes,
        double medianMillis,
        List<Resource> assets,
        Optional<Resource> redirect) {
    public Resource {
        requireNonNull(method, "method is null");
        requireNonNull(target, "target is null");
        requireNonNull(url, "url is null");
        requireNonNull(kind, "kind is null");
        assets = List.copyOf(assets);
        requireNonNull(redirect, "redirect is null");
        if (!target.text().startsWith("/")
                || target.text().indexOf(' ') >= 0
                || target.text().indexOf('"') >= 0) {
            throw new IllegalArgumentException(
                    "request target must start with '/' and hold no space or quote: " + target);
        }
        if ((kind == ResourceKind.MOVED || kind == ResourceKind.ALIAS || kind == ResourceKind.ACTION)
                != redirect.isPresent()) {
            throw new IllegalArgumentException("only redirects and form posts have a redirect target: " + target);
        }
    }

    /** Identity is the id: a site map never gives two resources one id, and deep comparison is slow. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Resource resource && resource.id == id && resource.target.equals(target);
    }

    @Override
    public int hashCode() {
        return id;
    }

    /**
     * This resource requested with a query string (campaign parameters, an order id): the same page, path and
     * response, another request target. The URL others send as their referrer stays the page's own.
     */
    public Resource withQuery(String query) {
        String separator = target.text().indexOf('?') < 0 ? "?" : "&";
        return new Resource(
                id,
                method,
                new Token(target.text() + separator + query),
                pathId,
                url,
                kind,
                bytes,
                medianMillis,
                assets,
                redirect);
    }

    /** The target up to the first '?', which is what reports count as the path. */
    public static String pathOf(String target) {
        int query = target.indexOf('?');
        return query < 0 ? target : target.substring(0, query);
    }
}
