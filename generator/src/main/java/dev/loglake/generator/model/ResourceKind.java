package dev.loglake.generator.model;

/** What a path of the site is; the response status follows from it (and from the session and incidents). */
public enum ResourceKind {
    LANDING(true),
    CATEGORY(true),
    PRODUCT(true),
    ARTICLE(true),
    SEARCH(true),
    CART(true),
    CHECKOUT(true),
    CONFIRMATION(true),
    LOGIN(true),
    /** A page for signed-in users: 200 when the session is signed in, else a 302 to the login page. */
    ACCOUNT(true),
    /** A form post answered with a 302 to the page that shows its result (post/redirect/get). */
    ACTION(false),
    STYLESHEET(false),
    SCRIPT(false),
    FONT(false),
    IMAGE(false),
    ICON(false),
    API(false),
    ROBOTS(false),
    SITEMAP(false),
    /** No such path (retired products, old links, vulnerability probes): always 404. */
    MISSING(false),
    /** Moved for good: always 301. */
    MOVED(false),
    /** Temporarily elsewhere (a campaign alias): always 302. */
    ALIAS(false),
    /** Needs credentials the client never sends: always 401. */
    UNAUTHORIZED(false),
    /** Closed to the public whoever asks: always 403. */
    FORBIDDEN(false);

    private final boolean page;

    ResourceKind(boolean page) {
        this.page = page;
    }

    /** An HTML page that a browser renders, and that loads assets. */
    public boolean page() {
        return page;
    }

    /** Static files a page loads, which browsers cache and revalidate (304). */
    public boolean asset() {
        return this == STYLESHEET || this == SCRIPT || this == FONT || this == IMAGE || this == ICON;
    }
}
