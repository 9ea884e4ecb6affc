package dev.loglake.generator.store;

import dev.loglake.core.LoglakeException;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * Streams an object to S3 with bounded memory: one part buffer. An object that fits in one part is a
 * single PutObject; a larger one becomes a multipart upload whose parts go up as they fill. The buffer
 * grows as the object does, so that a small object does not cost a whole part (an 8 MiB array per object
 * made the garbage collector run every few objects), and the SDK reads it in place, without a copy.
 */
final class S3MultipartUpload extends ObjectUpload {
    private static final int INITIAL_BUFFER = 256 * 1024;

    private final S3Client s3;
    private final String bucket;
    private final String key;
    private final int partSize;
    private byte[] buffer;
    private final List<CompletedPart> parts = new ArrayList<>();
    private int buffered;
    private long size;
    private String uploadId;
    private boolean finished;

    S3MultipartUpload(S3Client s3, String bucket, String key, int partSize) {
        this.s3 = s3;
        this.bucket = bucket;
        this.key = key;
        this.partSize = partSize;
        this.buffer = new byte[Math.min(partSize, INITIAL_BUFFER)];
    }

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        checkOpen();
        while (length > 0) {
            if (buffered == buffer.length && buffer.length < partSize) {
                buffer = Arrays.copyOf(buffer, (int) Math.min(partSize, 2L * buffer.length));
            }
            int chunk = Math.min(length, buffer.length - buffered);
            System.arraycopy(bytes, offset, buffer, buffered, chunk);
            buffered += chunk;
            size += chunk;
            offset += chunk;
            length -= chunk;
            if (buffered == partSize) {
                uploadPart();
            }
        }
    }

    @Override
    public void close() {
        if (finished) {
            return;
        }
        try {
            if (uploadId == null) {
                s3.putObject(request -> request.bucket(bucket).key(key), bufferedBody());
            } else {
                if (buffered > 0) {
                    uploadPart();
                }
                s3.completeMultipartUpload(request -> request.bucket(bucket)
                        .key(key)
                        .uploadId(uploadId)
                        .multipartUpload(upload -> upload.parts(parts)));
            }
            finished = true;
        } catch (SdkException e) {
            abort();
            throw LoglakeException.external("Cannot upload s3://" + bucket + "/" + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void abort() {
        finished = true;
        if (uploadId != null) {
            try {
                s3.abortMultipartUpload(
                        request -> request.bucket(bucket).key(key).uploadId(uploadId));
            } catch (SdkException e) {
                // The server may be the reason we abort; a lifecycle rule cleans up what is left.
            }
        }
    }

    @Override
    public long size() {
        return size;
    }

    private void uploadPart() {
        try {
            if (uploadId == null) {
                uploadId = s3.createMultipartUpload(
                                request -> request.bucket(bucket).key(key))
                        .uploadId();
            }
            int partNumber = parts.size() + 1;
            String etag = s3.uploadPart(
                            request -> request.bucket(bucket)
                                    .key(key)
                                    .uploadId(uploadId)
                                    .partNumber(partNumber),
                            bufferedBody())
                    .eTag();
            parts.add(CompletedPart.builder().partNumber(partNumber).eTag(etag).build());
            buffered = 0;
        } catch (SdkException e) {
            abort();
            throw LoglakeException.external(
                    "Cannot upload part of s3://" + bucket + "/" + key + ": " + e.getMessage(), e);
        }
    }

    /** The buffered bytes, read in place: the calls are synchronous, so the buffer is not reused meanwhile. */
    private RequestBody bufferedBody() {
        byte[] bytes = buffer;
        int length = buffered;
        return RequestBody.fromContentProvider(
                () -> new ByteArrayInputStream(bytes, 0, length), length, "application/octet-stream");
    }

    private void checkOpen() {
        if (finished) {
            throw new IllegalStateException("upload of " + key + " is finished");
        }
    }
}
