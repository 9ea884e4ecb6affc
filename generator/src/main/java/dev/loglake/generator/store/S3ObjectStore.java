package dev.loglake.generator.store;

import static java.util.Objects.requireNonNull;

import dev.loglake.core.LoglakeException;
import dev.loglake.core.config.GenerateConfig;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.NoSuchUploadException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Object;

/** {@link ObjectStore} on one S3 bucket through the AWS SDK v2. */
public final class S3ObjectStore implements ObjectStore {
    private static final int DELETE_BATCH = 1000;

    private final S3Client s3;
    private final String bucket;
    private final String endpoint;
    private final int partSize;

    /** A store that uploads large objects in parts of the default size (GenerateConfig.DEFAULT_PART_SIZE_MIB). */
    public S3ObjectStore(S3Client s3, String bucket, String endpoint) {
        this(s3, bucket, endpoint, new GenerateConfig(GenerateConfig.DEFAULT_PART_SIZE_MIB).partSizeBytes());
    }

    /** A store that uploads objects larger than {@code partSize} bytes in parts of that size. */
    public S3ObjectStore(S3Client s3, String bucket, String endpoint, int partSize) {
        this.s3 = requireNonNull(s3, "s3 is null");
        this.bucket = requireNonNull(bucket, "bucket is null");
        this.endpoint = requireNonNull(endpoint, "endpoint is null");
        if (partSize < GenerateConfig.MIN_PART_SIZE_MIB * 1024 * 1024) {
            // A bug, not a user's mistake: GenerateConfig refuses such a setting before a run starts.
            throw new IllegalArgumentException("part size below S3's minimum of 5 MiB: " + partSize);
        }
        this.partSize = partSize;
    }

    @Override
    public ObjectUpload upload(String key) {
        return new S3MultipartUpload(s3, bucket, key, partSize);
    }

    @Override
    public void put(String key, byte[] bytes) {
        try {
            s3.putObject(request -> request.bucket(bucket).key(key), RequestBody.fromBytes(bytes));
        } catch (SdkException e) {
            throw failure("write", key, e);
        }
    }

    @Override
    public byte[] get(String key) {
        try {
            return s3.getObjectAsBytes(request -> request.bucket(bucket).key(key))
                    .asByteArray();
        } catch (SdkException e) {
            throw failure("read", key, e);
        }
    }

    @Override
    public List<String> list(String prefix) {
        try {
            List<String> keys = new ArrayList<>();
            for (S3Object object : s3.listObjectsV2Paginator(
                            request -> request.bucket(bucket).prefix(prefix))
                    .contents()) {
                // s3proxy's filesystem backend lists every directory as a "dir/" object: not data.
                if (!object.key().endsWith("/")) {
                    keys.add(object.key());
                }
            }
            return keys;
        } catch (SdkException e) {
            throw failure("list", prefix, e);
        }
    }

    @Override
    public void delete(List<String> keys) {
        for (int from = 0; from < keys.size(); from += DELETE_BATCH) {
            List<ObjectIdentifier> batch = keys.subList(from, Math.min(keys.size(), from + DELETE_BATCH)).stream()
                    .map(key -> ObjectIdentifier.builder().key(key).build())
                    .toList();
            try {
                s3.deleteObjects(request -> request.bucket(bucket)
                        .delete(Delete.builder().objects(batch).build()));
            } catch (SdkException e) {
                throw failure("delete", batch.get(0).key(), e);
            }
        }
    }

    @Override
    public List<OpenUpload> openUploads(String prefix) {
        try {
            List<OpenUpload> uploads = new ArrayList<>();
            for (MultipartUpload upload : s3.listMultipartUploadsPaginator(
                            request -> request.bucket(bucket).prefix(prefix))
                    .uploads()) {
                uploads.add(new OpenUpload(upload.key(), upload.uploadId()));
            }
            return uploads;
        } catch (SdkException e) {
            throw failure("list the multipart uploads under", prefix, e);
        }
    }

    @Override
    public void abort(OpenUpload upload) {
        try {
            s3.abortMultipartUpload(
                    request -> request.bucket(bucket).key(upload.key()).uploadId(upload.uploadId()));
        } catch (NoSuchUploadException e) {
            // Completed or aborted since it was listed: nothing left to delete.
        } catch (SdkException e) {
            throw failure("abort the multipart upload " + upload.uploadId() + " of", upload.key(), e);
        }
    }

    @Override
    public String describe() {
        return "s3://" + bucket + " (" + endpoint + ")";
    }

    private LoglakeException failure(String action, String key, SdkException e) {
        return LoglakeException.external(
                "Cannot " + action + " s3://" + bucket + "/" + key + " at " + endpoint + ": " + e.getMessage(), e);
    }
}
