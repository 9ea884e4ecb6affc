package dev.loglake.generator.model;

/** The kind of device a person browses with; it decides the user agent and how many assets a page loads. */
public enum Device {
    DESKTOP(0.40),
    MOBILE(0.54),
    TABLET(0.06);

    private final double share;

    Device(double share) {
        this.share = share;
    }

    public double share() {
        return share;
    }
}
