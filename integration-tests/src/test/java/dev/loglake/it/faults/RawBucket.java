package dev.loglake.it.faults;

import dev.loglake.testing.LoglakeCli;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.NoSuchUploadException;
import software.amazon.awssdk.services.s3.model.S3Object;

/** What fault tests look at in a bucket: its objects by key, with their ETag and size. */
final class RawBucket {
    static final String MARKERS = "markers/access/combined/";

    /** Short beside the time a part takes to go up (tens of milliseconds), so that no upload is polled past. */
    private static final Duration UPLOAD_POLL = Duration.ofMillis(10);

    /** Short beside the time an hour takes (about a second). */
    private static final Duration MARKER_POLL = Duration.ofMillis(100);

    private RawBucket() {}

    static void create(S3Client s3, String bucket) {
        try {
            s3.createBucket(request -> request.bucket(bucket));
        } catch (BucketAlreadyOwnedByYouException e) {
            // an earlier run of the test created it
        }
    }

    /** Key to "etag size" of every object under {@code prefix} (s3proxy's directory entries left out). */
    static Map<String, String> objects(S3Client s3, String bucket, String prefix) {
        Map<String, String> objects = new TreeMap<>();
        for (S3Object object : s3.listObjectsV2Paginator(
                        request -> request.bucket(bucket).prefix(prefix))
                .contents()) {
            if (!object.key().endsWith("/")) {
                objects.put(object.key(), object.eTag() + " " + object.size());
            }
        }
        return objects;
    }

    /** Key to last-modified time of every object under {@code prefix}. */
    static Map<String, String> lastModified(S3Client s3, String bucket, String prefix) {
        Map<String, String> objects = new TreeMap<>();
        for (S3Object object : s3.listObjectsV2Paginator(
                        request -> request.bucket(bucket).prefix(prefix))
                .contents()) {
            if (!object.key().endsWith("/")) {
                objects.put(object.key(), object.lastModified().toString());
            }
        }
        return objects;
    }

    /**
     * The keys of the hours' completion markers, {@code <fingerprint>.done}. An S3 server killed while it stores
     * one leaves its temporary file beside it, listed as an object ({@code <fingerprint>.done-<uuid>}, s3proxy's
     * filesystem backend): not a marker, and the generator does not take it for one.
     */
    static List<String> markers(S3Client s3, String bucket) {
        return objects(s3, bucket, MARKERS).keySet().stream()
                .filter(key -> key.endsWith(".done"))
                .toList();
    }

    static int markedHours(S3Client s3, String bucket) {
        return markers(s3, bucket).size();
    }

    /** The data objects a completion marker lists. */
    static List<String> keysOfMarker(S3Client s3, String bucket, String marker) {
        return s3.getObjectAsBytes(request -> request.bucket(bucket).key(marker))
                .asUtf8String()
                .lines()
                .filter(line -> !line.isBlank())
                .toList();
    }

    /** A multipart upload in progress (or left open): its object's key and its upload id. */
    record Upload(String key, String uploadId) {}

    /** The multipart uploads open in {@code bucket}, in key order. */
    static List<Upload> openUploads(S3Client s3, String bucket) {
        List<Upload> uploads = new ArrayList<>();
        for (MultipartUpload upload : s3.listMultipartUploadsPaginator(request -> request.bucket(bucket))
                .uploads()) {
            uploads.add(new Upload(upload.key(), upload.uploadId()));
        }
        return uploads;
    }

    /**
     * Waits, by asking the S3 server, until one of the run's objects is a multipart upload in progress with exactly
     * one part stored: the run is then between its first part and its completion, with at least one more part to
     * send, which leaves a kill or a Ctrl-C that follows at once in the middle of the upload.
     */
    static Upload awaitUploadWithOnePart(S3Client s3, String bucket, LoglakeCli.Run run) {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (true) {
            for (Upload upload : openUploads(s3, bucket)) {
                if (storedParts(s3, bucket, upload) == 1) {
                    return upload;
                }
            }
            if (endsWithin(run, UPLOAD_POLL) || System.nanoTime() > deadline) {
                throw new AssertionError("No multipart upload with one part stored was ever in progress in " + bucket
                        + ": the run's objects are not larger than one part; stderr: " + run.stderr());
            }
        }
    }

    /**
     * Between two polls of the server, waits for the run to end, at most {@code interval}. The polled condition is
     * what the test waits on; this wait only keeps the loop from taking a core (its own and the S3 server's) from
     * the generator on a two-core machine: polling back to back, the runs took twice as long to reach their first
     * hour under load.
     */
    private static boolean endsWithin(LoglakeCli.Run run, Duration interval) {
        try {
            return run.process().waitFor(interval.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int storedParts(S3Client s3, String bucket, Upload upload) {
        try {
            return s3.listParts(
                            request -> request.bucket(bucket).key(upload.key()).uploadId(upload.uploadId()))
                    .parts()
                    .size();
        } catch (NoSuchUploadException e) {
            return 0; // completed or aborted since it was listed
        }
    }

    /** Waits, by listing the bucket, until the run has marked {@code hours} hours complete. */
    static void awaitMarkedHours(S3Client s3, String bucket, int hours, LoglakeCli.Run run) {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (RawBucket.markedHours(s3, bucket) < hours) {
            if (endsWithin(run, MARKER_POLL) || System.nanoTime() > deadline) {
                throw new AssertionError(hours + " hours were never marked complete; stderr: " + run.stderr());
            }
        }
    }
}
