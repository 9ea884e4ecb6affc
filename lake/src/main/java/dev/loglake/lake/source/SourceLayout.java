package dev.loglake.lake.source;

/**
 * How a source's objects are laid out under its prefix, which tells each object's raw (arrival) day: the date of
 * its folder or file name, in UTC, as AWS names them.
 */
public enum SourceLayout {
    /**
     * AWS Application Load Balancer access logs:
     * {@code <prefix>/AWSLogs/<account>/elasticloadbalancing/<region>/yyyy/mm/dd/<file>.log.gz}, any accounts and
     * regions.
     */
    ALB,
    /** Amazon CloudFront standard logs, flat: {@code <prefix>/<distribution>.yyyy-mm-dd-hh.<unique-id>.gz}. */
    CLOUDFRONT,
    /** Any other format: {@code <prefix>/dt=YYYY-MM-DD/[hour=HH/]} or {@code <prefix>/yyyy/mm/dd/} folders. */
    DAY_FOLDERS;

    /** The layout AWS writes a declared format in; every other format is laid out in day folders. */
    public static SourceLayout of(String format) {
        return switch (format) {
            case "alb" -> ALB;
            case "cloudfront" -> CLOUDFRONT;
            default -> DAY_FOLDERS;
        };
    }
}
