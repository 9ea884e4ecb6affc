package dev.loglake.transforms.run;

import static java.util.Objects.requireNonNull;

import dev.loglake.lake.LakeSchemas;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;

/**
 * The raw days and hours that exist in S3, from the folder layout {@code access/combined/dt=D/hour=H/}.
 * Listing with a delimiter reads folders, not objects, so this stays cheap as the lake grows.
 */
public final class RawDays {
    private final S3Client s3;
    private final String bucket;

    public RawDays(S3Client s3, String bucket) {
        this.s3 = requireNonNull(s3, "s3 is null");
        this.bucket = requireNonNull(bucket, "bucket is null");
    }

    public SortedSet<LocalDate> days() {
        SortedSet<LocalDate> days = new TreeSet<>();
        for (String folder : folders(LakeSchemas.RAW_ACCESS_PREFIX)) {
            value(folder, "dt=").flatMap(RawDays::date).ifPresent(days::add);
        }
        return days;
    }

    /** For each day, its hour folders ('00'..'23'). */
    public SortedMap<LocalDate, List<String>> hours(List<LocalDate> days) {
        SortedMap<LocalDate, List<String>> hours = new TreeMap<>();
        for (LocalDate day : days) {
            hours.put(
                    day,
                    folders(LakeSchemas.RAW_ACCESS_PREFIX + "dt=" + day + "/").stream()
                            .map(folder -> value(folder, "hour="))
                            .flatMap(java.util.Optional::stream)
                            .filter(hour -> hour.matches("[0-2][0-9]"))
                            .sorted()
                            .toList());
        }
        return hours;
    }

    public String location(LocalDate day) {
        return "s3://" + bucket + "/" + LakeSchemas.RAW_ACCESS_PREFIX + "dt=" + day + "/";
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

    private static java.util.Optional<String> value(String folder, String key) {
        String trimmed = folder.endsWith("/") ? folder.substring(0, folder.length() - 1) : folder;
        String last = trimmed.substring(trimmed.lastIndexOf('/') + 1);
        return last.startsWith(key) ? java.util.Optional.of(last.substring(key.length())) : java.util.Optional.empty();
    }

    private static java.util.Optional<LocalDate> date(String text) {
        try {
            return java.util.Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            return java.util.Optional.empty();
        }
    }
}
