package dev.loglake.lake.source;

import java.util.List;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;

/**
 * The folders right under a prefix: a delimiter listing, which reads folders rather than objects, so that finding
 * a source's days stays cheap however many objects each day holds.
 */
public final class S3Folders {
    private S3Folders() {}

    /** Each folder's key ({@code prefix + name + "/"}), in S3's order. */
    public static List<String> under(S3Client s3, String bucket, String prefix) {
        return s3
                .listObjectsV2Paginator(
                        request -> request.bucket(bucket).prefix(prefix).delimiter("/"))
                .commonPrefixes()
                .stream()
                .map(CommonPrefix::prefix)
                .toList();
    }
}
