package dev.loglake.generator.model;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * How the server answers a request: the status follows from the resource and the session, incidents turn
 * some answers into 5xx or slow them down, and the size and response time follow from the status and the
 * content. Response times are log-normal around each resource's median.
 */
public final class ResponseModel {
    private static final double LATENCY_SIGMA = 0.5;
    private static final double BASELINE_ERROR_RATE = 0.0004;
    private static final double CACHED_REVALIDATION_RATE = 0.7;

    private final List<Incident> incidents;
    /** The incidents' windows as epoch milliseconds, so that most requests are cleared by two comparisons. */
    private final long[] incidentStarts;

    private final long[] incidentEnds;

    public ResponseModel(List<Incident> incidents) {
        this.incidents = List.copyOf(requireNonNull(incidents, "incidents is null"));
        this.incidentStarts =
                this.incidents.stream().mapToLong(i -> i.start().toEpochMilli()).toArray();
        this.incidentEnds = this.incidents.stream()
                .mapToLong(i -> i.start().toEpochMilli() + i.duration().toMillis())
                .toArray();
    }

    /**
     * @param signedIn whether the session has logged in (decides /account)
     * @param cachedAssets whether the browser has the site's assets cached (returning visitors)
     */
    public AccessEvent respond(
            long timeMillis,
            Visitor visitor,
            Resource resource,
            Token referer,
            boolean signedIn,
            boolean cachedAssets,
            RandomGenerator random) {
        int status = baseStatus(resource, signedIn, cachedAssets, random);
        boolean slow = false;
        for (int i = 0; i < incidentStarts.length; i++) {
            Incident incident = incidents.get(i);
            if (timeMillis >= incidentStarts[i]
                    && timeMillis < incidentEnds[i]
                    && incident.affects(timeMillis, resource.target().text())) {
                if (incident.kind() == IncidentKind.LATENCY) {
                    slow = true;
                } else if (status < 400 && random.nextDouble() < Incident.ERROR_RATE) {
                    status = serverError(random);
                }
            }
        }
        if (status == 200 && !resource.kind().asset() && random.nextDouble() < BASELINE_ERROR_RATE) {
            status = 500;
        }
        long micros = responseMicros(status, resource, random);
        return new AccessEvent(
                timeMillis,
                visitor,
                resource,
                status,
                bytes(status, resource, random),
                referer,
                slow ? (long) (micros * Incident.SLOWDOWN) : micros);
    }

    /** The status a request gets outside incidents and rare random failures. */
    static int baseStatus(Resource resource, boolean signedIn, boolean cachedAssets, RandomGenerator random) {
        return switch (resource.kind()) {
            case MISSING -> 404;
            case MOVED -> 301;
            case ALIAS, ACTION -> 302;
            case UNAUTHORIZED -> 401;
            case FORBIDDEN -> 403;
            case ACCOUNT -> signedIn ? 200 : 302;
            case STYLESHEET, SCRIPT, FONT, IMAGE, ICON -> cachedAssets && random.nextDouble() < CACHED_REVALIDATION_RATE
                    ? 304
                    : 200;
            default -> 200;
        };
    }

    private static int serverError(RandomGenerator random) {
        double draw = random.nextDouble();
        if (draw < 0.30) {
            return 500;
        }
        if (draw < 0.55) {
            return 502;
        }
        return draw < 0.85 ? 503 : 504;
    }

    private static long bytes(int status, Resource resource, RandomGenerator random) {
        return switch (status) {
            case 200 -> okBytes(resource, random);
            case 301 -> 169;
            case 302 -> 145;
            case 304 -> 0;
            case 401 -> 179;
            case 403 -> 153;
            case 404 -> 4_812;
            case 500 -> 177;
            case 502 -> 157;
            case 503 -> 197;
            case 504 -> 167;
            default -> 0;
        };
    }

    private static long okBytes(Resource resource, RandomGenerator random) {
        if (resource.kind().page()) {
            // Dynamic pages differ a little from view to view (recommendations, cart badge, CSRF tokens).
            return (long) (resource.bytes() * (0.85 + 0.3 * random.nextDouble()));
        }
        if (resource.kind() == ResourceKind.API) {
            return (long) (resource.bytes() * (0.5 + random.nextDouble()));
        }
        return resource.bytes();
    }

    private static long responseMicros(int status, Resource resource, RandomGenerator random) {
        double medianMillis =
                switch (status) {
                    case 304 -> 0.6;
                    case 500 -> resource.medianMillis() * 1.5;
                    case 502 -> 25;
                    case 503 -> 2;
                    case 504 -> 60_000;
                    default -> resource.medianMillis();
                };
        double micros = medianMillis * 1000 * Math.exp(LATENCY_SIGMA * random.nextGaussian());
        return Math.max(1, Math.round(micros));
    }
}
