package dev.loglake.reports.store;

import static java.util.Objects.requireNonNull;

import dev.loglake.core.LoglakeException;
import dev.loglake.reports.render.ReportFiles;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Stores a report's files under its period's prefix in the reports bucket. A rerun overwrites the files and
 * deletes any other object under the prefix, so the prefix always holds exactly one report.
 */
public final class ReportStore {
    private final S3Client s3;
    private final String bucket;

    public ReportStore(S3Client s3, String bucket) {
        this.s3 = requireNonNull(s3, "s3 is null");
        this.bucket = requireNonNull(bucket, "bucket is null");
    }

    public List<String> put(String prefix, Map<String, String> files) {
        List<String> keys = new ArrayList<>();
        try {
            for (Map.Entry<String, String> file : files.entrySet()) {
                String key = prefix + file.getKey();
                s3.putObject(
                        request -> request.bucket(bucket).key(key).contentType(ReportFiles.contentType(file.getKey())),
                        RequestBody.fromString(file.getValue(), StandardCharsets.UTF_8));
                keys.add(key);
            }
            deleteOthers(prefix, Set.copyOf(keys));
        } catch (SdkException e) {
            throw LoglakeException.external(
                    "Could not store the report in s3://" + bucket + "/" + prefix + ": " + e.getMessage()
                            + ". The local files are written; rerun the report to store it.",
                    e);
        }
        return keys;
    }

    private void deleteOthers(String prefix, Set<String> keep) {
        for (S3Object object : s3.listObjectsV2Paginator(
                        request -> request.bucket(bucket).prefix(prefix))
                .contents()) {
            if (!keep.contains(object.key())) {
                s3.deleteObject(request -> request.bucket(bucket).key(object.key()));
            }
        }
    }
}
