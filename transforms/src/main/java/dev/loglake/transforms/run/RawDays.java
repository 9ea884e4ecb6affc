package dev.loglake.transforms.run;

import static java.util.Objects.requireNonNull;

import dev.loglake.lake.LakeSchemas;
import dev.loglake.lake.RawLayout;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;

/**
 * The raw days and hours that exist in S3, from the folder layout
 * {@code access/<format>/[site=<site>/]dt=D/hour=H/}, for the formats the lake can parse (a folder of another
 * format, such as the generator's json, is not read). Listing with a delimiter reads folders, not objects, so
 * this stays cheap as the lake grows.
 */
public final class RawDays {
    private final S3Client s3;
    private final String bucket;
    private final Set<String> formats;

    public RawDays(S3Client s3, String bucket, Set<String> formats) {
        this.s3 = requireNonNull(s3, "s3 is null");
        this.bucket = requireNonNull(bucket, "bucket is null");
        this.formats = Set.copyOf(requireNonNull(formats, "formats is null"));
    }

    /** A raw source's folder: a declared format and a site. */
    record Source(String format, String site, String prefix) {
        Source {
            requireNonNull(format, "format is null");
            requireNonNull(site, "site is null");
            requireNonNull(prefix, "prefix is null");
        }
    }

    /** One hour folder of a source: a partition of raw.log_lines. */
    record Partition(String format, String site, LocalDate day, String hour, String location) {
        Partition {
            requireNonNull(format, "format is null");
            requireNonNull(site, "site is null");
            requireNonNull(day, "day is null");
            requireNonNull(hour, "hour is null");
            requireNonNull(location, "location is null");
        }

        String key() {
            return format + "/" + site + "/" + day + "/" + hour;
        }
    }

    /** The arrival days of every source. */
    public SortedSet<LocalDate> days() {
        SortedSet<LocalDate> days = new TreeSet<>();
        for (Source source : sources()) {
            for (String folder : folders(source.prefix())) {
                value(folder, "dt=").flatMap(RawDays::date).ifPresent(days::add);
            }
        }
        return days;
    }

    /** Every hour folder of these days, of every source. */
    List<Partition> partitions(SortedSet<LocalDate> days) {
        List<Partition> partitions = new ArrayList<>();
        for (Source source : sources()) {
            Set<String> sourceDays = new TreeSet<>(folders(source.prefix()));
            for (LocalDate day : days) {
                String dayPrefix = source.prefix() + "dt=" + day + "/";
                if (!sourceDays.contains(dayPrefix)) {
                    continue;
                }
                folders(dayPrefix).stream()
                        .map(folder -> value(folder, "hour="))
                        .flatMap(Optional::stream)
                        .filter(hour -> hour.matches("[0-2][0-9]"))
                        .sorted()
                        .forEach(hour -> partitions.add(new Partition(
                                source.format(),
                                source.site(),
                                day,
                                hour,
                                "s3://" + bucket + "/" + dayPrefix + "hour=" + hour + "/")));
            }
        }
        return partitions;
    }

    /** Where a day's raw logs are looked for, for messages. */
    public String location(LocalDate day) {
        return "s3://" + bucket + "/" + LakeSchemas.RAW_ACCESS_PREFIX + "<format>/[site=<site>/]dt=" + day + "/";
    }

    /** The sources: each format folder of a known format, and each of its site folders. */
    private List<Source> sources() {
        List<Source> sources = new ArrayList<>();
        for (String formatFolder : folders(LakeSchemas.RAW_ACCESS_PREFIX)) {
            String format = last(formatFolder);
            if (!formats.contains(format)) {
                continue;
            }
            sources.add(new Source(format, RawLayout.DEFAULT_SITE, formatFolder));
            for (String folder : folders(formatFolder)) {
                value(folder, RawLayout.SITE_KEY)
                        .filter(site -> !site.isEmpty())
                        .ifPresent(site -> sources.add(new Source(format, site, folder)));
            }
        }
        return sources;
    }

    private List<String> folders(String prefix) {
        return s3
                .listObjectsV2Paginator(
                        request -> request.bucket(bucket).prefix(prefix).delimiter("/"))
                .commonPrefixes()
                .stream()
                .map(CommonPrefix::prefix)
                .toList();
    }

    private static String last(String folder) {
        String trimmed = folder.endsWith("/") ? folder.substring(0, folder.length() - 1) : folder;
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }

    private static Optional<String> value(String folder, String key) {
        String last = last(folder);
        return last.startsWith(key) ? Optional.of(last.substring(key.length())) : Optional.empty();
    }

    private static Optional<LocalDate> date(String text) {
        try {
            return Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
