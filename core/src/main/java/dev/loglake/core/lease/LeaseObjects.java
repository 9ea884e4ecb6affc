package dev.loglake.core.lease;

import static java.util.Objects.requireNonNull;

import dev.loglake.core.LoglakeException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The objects of one lease in S3: a numbered generation per holder and per renewal, each created with
 * {@code If-None-Match: *}, so that of two writers creating the same generation exactly one succeeds. The highest
 * generation says who holds the lease. Creating a new generation is the only write that decides anything: taking a
 * free lease, renewing it, taking over a lapsed one and giving it up are all "create the next generation", which
 * S3 (and s3proxy's nio2 store) grants to one writer only. Overwrites guarded by {@code If-Match} are not used: AWS
 * makes them atomic, but s3proxy 4.1.0 let several of 16 concurrent ones with the same ETag succeed.
 */
final class LeaseObjects {
    private static final Logger log = LoggerFactory.getLogger(LeaseObjects.class);
    private static final Pattern GENERATION = Pattern.compile("(\\d{19})\\.json");
    /** AWS answers 409 to a conditional write that raced another on the same key; it says to retry. */
    private static final int CONFLICT_RETRIES = 5;

    /** One generation of the lease and what its object says. */
    record Generation(long number, LeaseHolder holder) {
        Generation {
            requireNonNull(holder, "holder is null");
        }
    }

    private final S3Client s3;
    private final String bucket;
    private final String prefix;

    LeaseObjects(S3Client s3, String bucket, String prefix) {
        this.s3 = requireNonNull(s3, "s3 is null");
        this.bucket = requireNonNull(bucket, "bucket is null");
        this.prefix = requireNonNull(prefix, "prefix is null");
    }

    String location() {
        return "s3://" + bucket + "/" + prefix;
    }

    /** The highest generation, or empty when the lease was never taken. */
    Optional<Generation> latest() {
        while (true) {
            List<Long> numbers = numbers();
            if (numbers.isEmpty()) {
                return Optional.empty();
            }
            long number = numbers.get(numbers.size() - 1);
            Optional<LeaseHolder> holder = read(number);
            if (holder.isPresent()) {
                return Optional.of(new Generation(number, holder.get()));
            }
            // Deleted between the listing and the read: a newer generation exists now, list again.
        }
    }

    /**
     * Creates a generation if no object has its number yet; false when another writer created it first. Every
     * caller that gets true is the only one for that number.
     */
    boolean create(long number, LeaseHolder holder) {
        for (int attempt = 1; ; attempt++) {
            try {
                s3.putObject(
                        request -> request.bucket(bucket)
                                .key(key(number))
                                .ifNoneMatch("*")
                                .contentType("application/json"),
                        RequestBody.fromString(holder.toJson(), StandardCharsets.UTF_8));
                return true;
            } catch (S3Exception e) {
                if (e.statusCode() == 412) {
                    return false;
                }
                if (e.statusCode() == 409 && attempt < CONFLICT_RETRIES) {
                    log.debug("Conditional write of {} conflicted with another; retrying", key(number));
                    continue;
                }
                if (e.statusCode() == 501) {
                    throw unsupported(e);
                }
                throw failed("create " + location() + fileName(number), e);
            } catch (SdkException e) {
                throw failed("create " + location() + fileName(number), e);
            }
        }
    }

    /**
     * Checks that the S3 server refuses to overwrite an existing generation: a server that ignores
     * {@code If-None-Match} (s3proxy 2.6.0 and its jclouds stores did) would let two runs hold the lease at once.
     * Writes the same record again, so a server that does overwrite changes nothing.
     */
    void requireConditionalWrites(long number, LeaseHolder holder) {
        if (create(number, holder)) {
            throw LoglakeException.external(
                    "The S3 server of %s overwrote an existing object although the request said If-None-Match: *."
                            + " The lake's writer lease needs S3's conditional writes: use AWS S3, or s3proxy 4 with"
                            + " its filesystem-nio2 store (the local stack's).",
                    location());
        }
    }

    /** Deletes the generations below {@code number}: only the highest one decides, the rest is history. */
    void deleteBelow(long number) {
        for (long old : numbers()) {
            if (old < number) {
                try {
                    s3.deleteObject(request -> request.bucket(bucket).key(key(old)));
                } catch (SdkException e) {
                    log.debug("Could not delete the old lease generation {}: {}", key(old), e.getMessage());
                }
            }
        }
    }

    private List<Long> numbers() {
        List<Long> numbers = new ArrayList<>();
        try {
            for (S3Object object : s3.listObjectsV2Paginator(
                            request -> request.bucket(bucket).prefix(prefix))
                    .contents()) {
                Matcher matcher = GENERATION.matcher(object.key().substring(prefix.length()));
                // anything else (a directory marker of the filesystem stores) is not a generation
                if (matcher.matches()) {
                    numbers.add(Long.parseLong(matcher.group(1)));
                }
            }
        } catch (SdkException e) {
            throw failed("list " + location(), e);
        }
        numbers.sort(null);
        return numbers;
    }

    private Optional<LeaseHolder> read(long number) {
        try {
            String text = s3.getObjectAsBytes(request -> request.bucket(bucket).key(key(number)))
                    .asUtf8String();
            return Optional.of(LeaseHolder.fromJson(text, location() + fileName(number)));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw failed("read " + location() + fileName(number), e);
        }
    }

    private String key(long number) {
        return prefix + fileName(number);
    }

    private static String fileName(long number) {
        return String.format("%019d.json", number);
    }

    private LoglakeException unsupported(S3Exception e) {
        return LoglakeException.external(
                "The S3 server of " + location() + " does not support conditional writes (If-None-Match: *), which the"
                        + " lake's writer lease needs: " + e.getMessage() + ". Use AWS S3, or s3proxy 4 with its"
                        + " filesystem-nio2 store (the local stack's).",
                e);
    }

    private LoglakeException failed(String action, SdkException e) {
        return LoglakeException.external("Cannot " + action + " (the lake's writer lease): " + e.getMessage(), e);
    }
}
