package dev.loglake.generator.store;

import static java.util.Objects.requireNonNull;

/**
 * A multipart upload that was started and neither completed nor aborted: its parts are stored (and billed) but
 * invisible, until an abort deletes them.
 *
 * @param key the object the upload would create
 * @param uploadId the store's id of the upload
 */
public record OpenUpload(String key, String uploadId) {
    public OpenUpload {
        requireNonNull(key, "key is null");
        requireNonNull(uploadId, "uploadId is null");
    }
}
