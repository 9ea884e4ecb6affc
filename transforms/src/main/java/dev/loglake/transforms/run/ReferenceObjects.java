package dev.loglake.transforms.run;

import java.util.Comparator;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * What a reference table is read from: every object under its folder, each by key, ETag and size, as one short
 * fingerprint. An object replaced by other content has another ETag, so the fingerprint changes with anything
 * Trino would read there; a folder written again with the same content (each {@code generate} puts the same
 * list) keeps it.
 */
final class ReferenceObjects {
    private ReferenceObjects() {}

    static String fingerprint(S3Client s3, String bucket, String prefix) {
        String listing = s3
                .listObjectsV2Paginator(request -> request.bucket(bucket).prefix(prefix))
                .contents()
                .stream()
                .sorted(Comparator.comparing(S3Object::key))
                .map(object -> object.key() + " " + object.eTag() + " " + object.size())
                .collect(Collectors.joining("\n"));
        return Views.version(listing);
    }
}
