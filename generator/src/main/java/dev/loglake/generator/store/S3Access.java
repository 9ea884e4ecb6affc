package dev.loglake.generator.store;

import dev.loglake.core.LoglakeException;
import dev.loglake.core.Unreachable;
import dev.loglake.core.config.S3Config;
import dev.loglake.core.config.Settings;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Checks, before anything is written, that the raw bucket can be reached; names the endpoint if not. */
public final class S3Access {
    private S3Access() {}

    /** "http://127.0.0.1:19000 (s3.endpoint from ...)" or "AWS S3 (region us-east-1)". */
    public static String describeEndpoint(Settings settings) {
        return Unreachable.describeS3(settings);
    }

    /**
     * Fails unless the bucket answers. On an S3-compatible server (the local stack) a missing bucket is
     * created; on AWS, buckets belong to the infrastructure code and a missing one is an error.
     */
    public static void checkBucket(S3Client s3, String bucket, String bucketKey, Settings settings) {
        String endpoint = describeEndpoint(settings);
        boolean compatibleServer = S3Config.from(settings).endpoint().isPresent();
        try {
            s3.headBucket(request -> request.bucket(bucket));
        } catch (NoSuchBucketException e) {
            if (!compatibleServer) {
                throw LoglakeException.user(
                        "Bucket '%s' (%s) does not exist at %s. Create it, or set %s to an existing bucket.",
                        bucket, bucketKey, endpoint, bucketKey);
            }
            create(s3, bucket, endpoint);
        } catch (S3Exception e) {
            if (e.statusCode() == 404 && compatibleServer) {
                create(s3, bucket, endpoint);
                return;
            }
            throw LoglakeException.external(
                    "S3 at " + endpoint + " refused access to bucket '" + bucket + "' (" + bucketKey + "): "
                            + e.getMessage() + ". Check s3.access-key and s3.secret-key.",
                    e);
        } catch (SdkClientException e) {
            throw Unreachable.s3(settings, e);
        }
    }

    private static void create(S3Client s3, String bucket, String endpoint) {
        try {
            s3.createBucket(request -> request.bucket(bucket));
        } catch (SdkException e) {
            throw LoglakeException.external(
                    "Cannot create bucket '" + bucket + "' at " + endpoint + ": " + e.getMessage(), e);
        }
    }
}
