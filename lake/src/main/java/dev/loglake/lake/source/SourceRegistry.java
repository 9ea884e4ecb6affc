package dev.loglake.lake.source;

import static java.util.Objects.requireNonNull;

import dev.loglake.core.LoglakeException;
import dev.loglake.lake.RawLayout;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The lake's in-place sources, one small object each under {@link RawLayout#SOURCES_PREFIX} in the raw bucket.
 * Adding one checks everything before it writes; removing one deletes only that object, never the logs.
 */
public final class SourceRegistry {
    private static final String SUFFIX = ".properties";

    private final S3Client s3;
    private final String rawBucket;

    public SourceRegistry(S3Client s3, String rawBucket) {
        this.s3 = requireNonNull(s3, "s3 is null");
        this.rawBucket = requireNonNull(rawBucket, "rawBucket is null");
    }

    /** Every source, by name. */
    public List<InPlaceSource> list() {
        List<InPlaceSource> sources = new ArrayList<>();
        for (S3Object object : s3.listObjectsV2Paginator(
                        request -> request.bucket(rawBucket).prefix(RawLayout.SOURCES_PREFIX))
                .contents()) {
            if (object.key().endsWith(SUFFIX)) {
                sources.add(read(object.key()));
            }
        }
        sources.sort(java.util.Comparator.comparing(InPlaceSource::name));
        return List.copyOf(sources);
    }

    public Optional<InPlaceSource> find(String name) {
        try {
            return Optional.of(read(key(RawLayout.requireSite(name))));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    /**
     * Adds a source after checking that its format is one of {@code formats}, its name is free (no source and no
     * raw folder of a site of that name) and its location can be listed. Returns whether the location holds any
     * object yet.
     */
    public boolean add(InPlaceSource source, Set<String> formats) {
        if (!formats.contains(source.format())) {
            throw LoglakeException.user(
                    "Unknown format '%s' for source %s: expected one of %s (the files of sql/staging/formats/)."
                            + " Nothing was written.",
                    source.format(), source.name(), new TreeSet<>(formats));
        }
        requireFreeName(source.name());
        S3Location location = source.location();
        if (location.bucket().equals(rawBucket) && location.prefix().startsWith(RawLayout.ACCESS_PREFIX)) {
            throw LoglakeException.user(
                    "Location %s is inside the lake's raw layout (s3://%s/%s), which the transforms read already:"
                            + " its lines would be loaded twice. Nothing was written.",
                    location, rawBucket, RawLayout.ACCESS_PREFIX);
        }
        boolean hasObjects = requireListable(location);
        s3.putObject(
                request -> request.bucket(rawBucket).key(key(source.name())), RequestBody.fromString(text(source)));
        return hasObjects;
    }

    /** Forgets a source; its logs stay where they are. */
    public InPlaceSource remove(String name) {
        InPlaceSource source = find(name)
                .orElseThrow(() -> LoglakeException.user(
                        "No source named '%s' (looked for s3://%s/%s). Sources: %s.",
                        name, rawBucket, key(name), names()));
        s3.deleteObject(request -> request.bucket(rawBucket).key(key(name)));
        return source;
    }

    private void requireFreeName(String name) {
        Optional<InPlaceSource> taken = find(name);
        if (taken.isPresent()) {
            throw LoglakeException.user(
                    "The source name '%s' is taken: it reads %s logs from %s. Choose another name, or remove it first"
                            + " (loglake source remove %s). Nothing was written.",
                    name, taken.get().format(), taken.get().location(), name);
        }
        for (String formatFolder : folders(rawBucket, RawLayout.ACCESS_PREFIX)) {
            String siteFolder = formatFolder + RawLayout.SITE_KEY + name + "/";
            if (!s3.listObjectsV2(request ->
                            request.bucket(rawBucket).prefix(siteFolder).maxKeys(1))
                    .contents()
                    .isEmpty()) {
                throw LoglakeException.user(
                        "The source name '%s' is taken: the raw bucket holds logs of that site (s3://%s/%s), written"
                                + " by ingest. Choose another name. Nothing was written.",
                        name, rawBucket, siteFolder);
            }
        }
    }

    /** Lists one key under the location: the bucket exists and these credentials may list it. */
    private boolean requireListable(S3Location location) {
        try {
            return !s3.listObjectsV2(request -> request.bucket(location.bucket())
                            .prefix(location.prefix())
                            .maxKeys(1))
                    .contents()
                    .isEmpty();
        } catch (S3Exception e) {
            throw LoglakeException.user(
                    "Cannot list location %s (bucket %s, prefix '%s'): %s. Check the bucket's name and that the"
                            + " lake's credentials (and Trino's) may list and read it. Nothing was written.",
                    location,
                    location.bucket(),
                    location.prefix(),
                    e.awsErrorDetails() == null
                            ? e.getMessage()
                            : e.awsErrorDetails().errorCode() + " (HTTP " + e.statusCode() + ")");
        }
    }

    private SortedSet<String> names() {
        SortedSet<String> names = new TreeSet<>();
        list().forEach(source -> names.add(source.name()));
        return names;
    }

    private List<String> folders(String bucket, String prefix) {
        return S3Folders.under(s3, bucket, prefix);
    }

    private InPlaceSource read(String key) {
        String text = s3.getObjectAsBytes(request -> request.bucket(rawBucket).key(key))
                .asUtf8String();
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
            return new InPlaceSource(
                    properties.getProperty("name"),
                    properties.getProperty("format"),
                    S3Location.parse(properties.getProperty("location")));
        } catch (IOException | RuntimeException e) {
            throw LoglakeException.user(
                    "The source object s3://%s/%s is not a source (name, format and location): %s",
                    rawBucket, key, e.getMessage());
        }
    }

    private static String text(InPlaceSource source) {
        Properties properties = new Properties();
        properties.setProperty("name", source.name());
        properties.setProperty("format", source.format());
        properties.setProperty("location", source.location().toString());
        StringWriter out = new StringWriter();
        try {
            properties.store(out, "A source read in place, written by loglake source add");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String key(String name) {
        return RawLayout.SOURCES_PREFIX + name + SUFFIX;
    }
}
