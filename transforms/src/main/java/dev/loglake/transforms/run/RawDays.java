package dev.loglake.transforms.run;

import static java.util.Objects.requireNonNull;

import dev.loglake.lake.LakeSchemas;
import dev.loglake.lake.RawLayout;
import dev.loglake.lake.source.FlatPrefixDays;
import dev.loglake.lake.source.InPlaceSource;
import dev.loglake.lake.source.S3Folders;
import dev.loglake.lake.sql.SqlValue;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiPredicate;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The raw days and hours that exist in S3, of every source: the folders {@code access/<format>/[site=<site>/]dt=D/
 * hour=H/} that generate and ingest write in the raw bucket, for the formats the lake can parse (a folder of
 * another format, such as the generator's json, is not read), and the day folders of the sources read in place
 * ({@link InPlaceSource}), laid out as AWS writes them. Listing with a delimiter reads folders, not objects, so
 * this stays cheap as the lake grows. The sources' day folders are listed once, on first use.
 */
public final class RawDays {
    /**
     * The hour value of a partition that is a whole day folder: of a source read in place without hour folders, or
     * of a closed day, whose hour folders the catalog reads recursively.
     */
    static final String WHOLE_DAY = "all";

    private final S3Client s3;
    private final String bucket;
    private final Set<String> formats;
    private final List<InPlaceSource> inPlace;
    private Map<Source, SortedMap<LocalDate, List<DayFolder>>> index;
    /** The sources read in place whose objects lie flat in one folder, with their days: filled with the index. */
    private final List<FlatPrefixDays> flat = new ArrayList<>();

    public RawDays(S3Client s3, String bucket, Set<String> formats) {
        this(s3, bucket, formats, List.of());
    }

    public RawDays(S3Client s3, String bucket, Set<String> formats, List<InPlaceSource> inPlace) {
        this.s3 = requireNonNull(s3, "s3 is null");
        this.bucket = requireNonNull(bucket, "bucket is null");
        this.formats = Set.copyOf(requireNonNull(formats, "formats is null"));
        this.inPlace = List.copyOf(requireNonNull(inPlace, "inPlace is null"));
    }

    /**
     * A raw source: a declared format and a site, in the raw bucket (written by loglake, with completion markers) or
     * read in place.
     */
    record Source(String format, String site, boolean readInPlace) {
        Source {
            requireNonNull(format, "format is null");
            requireNonNull(site, "site is null");
        }

        @Override
        public String toString() {
            return format + "/" + site + (readInPlace ? " (read in place)" : "");
        }
    }

    /**
     * A day folder of a source: {@code wholeDay} is the hour value when the folder itself is the partition, empty
     * when its {@code hour=HH/} folders are.
     */
    private record DayFolder(String bucket, String key, Optional<String> wholeDay) {}

    /** One hour folder (or whole day folder) of a source: a partition of raw.log_lines. */
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
        index().values().forEach(sourceDays -> days.addAll(sourceDays.keySet()));
        return days;
    }

    /** The arrival days of each source. */
    Map<Source, SortedSet<LocalDate>> daysPerSource() {
        Map<Source, SortedSet<LocalDate>> days = new LinkedHashMap<>();
        index().forEach((source, folders) ->
                days.put(source, Collections.unmodifiableSortedSet(new TreeSet<>(folders.keySet()))));
        return days;
    }

    /**
     * Every partition of these days, of every source: a day folder with hour folders is one partition, read
     * recursively, where {@code wholeDay} says so for its source and day, else one partition per hour folder; a day
     * folder without hour folders is always one.
     */
    List<Partition> partitions(SortedSet<LocalDate> days, BiPredicate<Source, LocalDate> wholeDay) {
        List<Partition> partitions = new ArrayList<>();
        index().forEach((source, sourceDays) -> {
            for (LocalDate day : days) {
                for (DayFolder folder : sourceDays.getOrDefault(day, List.of())) {
                    partitions.addAll(partitions(source, day, folder, wholeDay.test(source, day)));
                }
            }
        });
        return partitions;
    }

    private List<Partition> partitions(Source source, LocalDate day, DayFolder folder, boolean wholeDay) {
        String location = "s3://" + folder.bucket() + "/" + folder.key();
        if (folder.wholeDay().isPresent()) {
            return List.of(new Partition(
                    source.format(), source.site(), day, folder.wholeDay().get(), location));
        }
        if (wholeDay) {
            // The day folder itself: the catalog reads its hour folders recursively (hive.recursive-directories).
            return List.of(new Partition(source.format(), source.site(), day, WHOLE_DAY, location));
        }
        List<Partition> hours = folders(folder.bucket(), folder.key()).stream()
                .map(hourFolder -> value(hourFolder, "hour="))
                .flatMap(Optional::stream)
                .filter(hour -> hour.matches("[0-2][0-9]"))
                .sorted()
                .map(hour -> new Partition(source.format(), source.site(), day, hour, location + "hour=" + hour + "/"))
                .toList();
        if (hours.isEmpty() && source.readInPlace()) {
            // A dt= folder of a source read in place may hold its objects without hour folders.
            return List.of(new Partition(source.format(), source.site(), day, WHOLE_DAY, location));
        }
        return hours;
    }

    /**
     * Which objects the statements that read raw days {@code from} to {@code to} may open, for the sources whose
     * objects lie flat in one folder (CloudFront read in place): {@code TRUE} without such sources.
     */
    SqlValue.RawObjectFilter objectFilter(LocalDate from, LocalDate to) {
        index();
        return new SqlValue.RawObjectFilter(
                flat.stream().map(source -> source.between(from, to)).toList());
    }

    /** Where a day's raw logs are looked for, for messages. */
    public String location(LocalDate day) {
        String lake = "s3://" + bucket + "/" + LakeSchemas.RAW_ACCESS_PREFIX + "<format>/[site=<site>/]dt=" + day + "/";
        return inPlace.isEmpty()
                ? lake
                : lake + " and the day folders of " + inPlace.size() + " source(s) read in place";
    }

    private Map<Source, SortedMap<LocalDate, List<DayFolder>>> index() {
        if (index == null) {
            Map<Source, SortedMap<LocalDate, List<DayFolder>>> built = new LinkedHashMap<>();
            lakeSources().forEach((source, prefix) -> built.put(source, lakeDays(prefix)));
            for (InPlaceSource source : inPlace) {
                built.put(new Source(source.format(), source.name(), true), new InPlaceDays(source).days());
            }
            index = built;
        }
        return index;
    }

    /** The sources of the raw bucket: each format folder of a known format, and each of its site folders. */
    private Map<Source, String> lakeSources() {
        Map<Source, String> sources = new LinkedHashMap<>();
        for (String formatFolder : folders(bucket, LakeSchemas.RAW_ACCESS_PREFIX)) {
            String format = last(formatFolder);
            if (!formats.contains(format)) {
                continue;
            }
            sources.put(new Source(format, RawLayout.DEFAULT_SITE, false), formatFolder);
            for (String folder : folders(bucket, formatFolder)) {
                value(folder, RawLayout.SITE_KEY)
                        .filter(site -> !site.isEmpty())
                        .ifPresent(site -> sources.put(new Source(format, site, false), folder));
            }
        }
        return sources;
    }

    private SortedMap<LocalDate, List<DayFolder>> lakeDays(String prefix) {
        SortedMap<LocalDate, List<DayFolder>> days = new TreeMap<>();
        for (String folder : folders(bucket, prefix)) {
            value(folder, "dt=")
                    .flatMap(RawDays::date)
                    .ifPresent(day -> days.put(day, List.of(new DayFolder(bucket, folder, Optional.empty()))));
        }
        return days;
    }

    /** The day folders of a source read in place, by its layout. */
    private final class InPlaceDays {
        private final InPlaceSource source;
        private final SortedMap<LocalDate, List<DayFolder>> days = new TreeMap<>();

        InPlaceDays(InPlaceSource source) {
            this.source = source;
        }

        SortedMap<LocalDate, List<DayFolder>> days() {
            String prefix = source.location().prefix();
            switch (source.layout()) {
                case ALB -> albDays(prefix);
                case DAY_FOLDERS -> {
                    for (String folder : folders(prefix)) {
                        value(folder, "dt=")
                                .flatMap(RawDays::date)
                                .ifPresent(day -> add(day, folder, Optional.empty()));
                    }
                    dateFolders(prefix, WHOLE_DAY);
                }
                case CLOUDFRONT -> flatDays(prefix);
            }
            return days;
        }

        /**
         * {@code <distribution>.yyyy-mm-dd-hh.<id>.gz} objects in the folder itself: every day is a partition at the
         * folder, and the days' distributions tell the statements which objects to open ({@link FlatPrefixDays}).
         */
        private void flatDays(String prefix) {
            SortedMap<LocalDate, SortedSet<String>> distributions = new TreeMap<>();
            s3.listObjectsV2Paginator(
                            request -> request.bucket(source.location().bucket())
                                    .prefix(prefix)
                                    .delimiter("/"))
                    .contents()
                    .forEach(object -> FlatPrefixDays.parse(object.key().substring(prefix.length()))
                            .ifPresent(log -> distributions
                                    .computeIfAbsent(log.day(), ignored -> new TreeSet<>())
                                    .add(log.distribution())));
            distributions.keySet().forEach(day -> add(day, prefix, Optional.of(WHOLE_DAY)));
            flat.add(new FlatPrefixDays(source.name(), source.location(), distributions));
        }

        /** {@code AWSLogs/<account>/elasticloadbalancing/<region>/yyyy/mm/dd/}: a partition per account and region. */
        private void albDays(String prefix) {
            for (String account : folders(prefix + "AWSLogs/")) {
                for (String region : folders(account + "elasticloadbalancing/")) {
                    dateFolders(region, WHOLE_DAY + "-" + last(account) + "-" + last(region));
                }
            }
        }

        /** {@code yyyy/mm/dd/} folders under the prefix, each a whole day partition with this hour value. */
        private void dateFolders(String prefix, String hour) {
            for (String year : folders(prefix)) {
                if (!last(year).matches("[0-9]{4}")) {
                    continue;
                }
                for (String month : folders(year)) {
                    for (String day : folders(month)) {
                        date(last(year) + "-" + last(month) + "-" + last(day))
                                .ifPresent(date -> add(date, day, Optional.of(hour)));
                    }
                }
            }
        }

        private void add(LocalDate day, String folder, Optional<String> wholeDay) {
            days.computeIfAbsent(day, ignored -> new ArrayList<>())
                    .add(new DayFolder(source.location().bucket(), folder, wholeDay));
        }

        private List<String> folders(String prefix) {
            return RawDays.this.folders(source.location().bucket(), prefix);
        }
    }

    private List<String> folders(String bucket, String prefix) {
        return S3Folders.under(s3, bucket, prefix);
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
