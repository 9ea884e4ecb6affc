package dev.loglake.transforms.run;

import static java.util.Objects.requireNonNull;

import dev.loglake.core.LoglakeException;
import dev.loglake.lake.DayRange;
import dev.loglake.lake.LakeSchemas;
import dev.loglake.lake.model.Model;
import dev.loglake.lake.sql.SqlValue;
import dev.loglake.lake.trino.TrinoSession;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Files in the folder of a partition the metastore does not know: what a write leaves behind when its run is cut off
 * between writing its files and registering its partitions (the metastore killed during the commit). Trino's Hive
 * connector writes a new partition's files straight into the partition's folder in S3 and registers the partition
 * when the statement commits; a later write of that partition, still new to the metastore, adds its files beside
 * the old ones, and from then on Trino reads both (a rerun doubled the facts that way). A partition the metastore
 * knows needs nothing: the rerun's DELETE or the overwrite of an INSERT removes its folder's files.
 *
 * <p>So before a layer writes a range of days, {@link #remove} lists each table's folder of each day (one LIST per
 * table and day), asks the metastore which of the folders that hold files are registered partitions (one statement
 * for the whole layer, and only when some folder holds files: a new day's folders are empty), and deletes the files
 * of the others. It runs under the writer lease, so no other run of the lake is writing those folders.
 */
final class OrphanPartitionFiles {
    private static final Logger log = LoggerFactory.getLogger(OrphanPartitionFiles.class);
    /** At most this many keys per DeleteObjects request (S3's limit). */
    private static final int DELETE_BATCH = 1000;

    private final S3Client s3;
    private final TrinoSession trino;
    private final LakeSchemas schemas;
    private final JobRunner jobs;

    OrphanPartitionFiles(S3Client s3, TrinoSession trino, LakeSchemas schemas, JobRunner jobs) {
        this.s3 = requireNonNull(s3, "s3 is null");
        this.trino = requireNonNull(trino, "trino is null");
        this.schemas = requireNonNull(schemas, "schemas is null");
        this.jobs = requireNonNull(jobs, "jobs is null");
    }

    /**
     * A partition of a model's table: a day of its partition column. Every model has one partition column (see
     * SqlFile.partitionColumn), so a day is a whole partition and its folder holds that partition's files only.
     *
     * @param table the table as the metastore names it, {@code schema.table}
     * @param tableFolder the table's folder in the warehouse bucket (LakeSchemas.tableFolder)
     * @param column the partition column
     * @param day the partition's value
     */
    record Partition(String table, String tableFolder, String column, LocalDate day) {
        Partition {
            requireNonNull(table, "table is null");
            requireNonNull(tableFolder, "tableFolder is null");
            requireNonNull(column, "column is null");
            requireNonNull(day, "day is null");
        }

        /** The partition's folder in the bucket: {@code <column>=<value>/} in the table's (a date needs no escaping). */
        String folder() {
            return tableFolder + column + "=" + day + "/";
        }

        @Override
        public String toString() {
            return table + " " + column + "=" + day;
        }
    }

    /**
     * Deletes the files of the models' partitions within {@code days} that lie in a folder the metastore has no
     * partition for. Models without a partition column are skipped: each run writes them whole, as new tables.
     */
    void remove(Collection<Model> models, DayRange days) {
        Map<Partition, List<String>> filesByPartition = new LinkedHashMap<>();
        for (Model model : models) {
            if (model.partitionColumn().isEmpty()) {
                continue;
            }
            for (LocalDate day : days.dates()) {
                Partition partition = partition(model, day);
                List<String> files = files(list(partition.folder()));
                if (!files.isEmpty()) {
                    filesByPartition.put(partition, files);
                }
            }
        }
        if (filesByPartition.isEmpty()) {
            return;
        }
        Set<Partition> registered = registered(filesByPartition.keySet());
        orphans(filesByPartition, registered).forEach(this::delete);
    }

    /** The files found in partitions the metastore does not know, by partition. */
    static Map<Partition, List<String>> orphans(
            Map<Partition, List<String>> filesByPartition, Set<Partition> registered) {
        Map<Partition, List<String>> orphans = new LinkedHashMap<>(filesByPartition);
        orphans.keySet().removeAll(registered);
        return orphans;
    }

    /**
     * The files among a folder's keys. The local S3 server (s3proxy's filesystem store) lists the folders it keeps as
     * keys ending in "/": they hold no data, Trino reads none of them, and a folder left empty by a DELETE must not
     * make every later run ask the metastore again.
     */
    static List<String> files(List<String> keys) {
        return keys.stream().filter(key -> !key.endsWith("/")).toList();
    }

    /** What the log says about a removal, in words. */
    static String describe(Partition partition, int files, String bucket) {
        return String.format(
                "Removed %d orphan file%s of %s (s3://%s/%s), left by a run that was cut off: the metastore never"
                        + " registered that partition, and Trino would have read those files beside the ones"
                        + " written now",
                files, files == 1 ? "" : "s", partition, bucket, partition.folder());
    }

    /**
     * One query for the partitions the metastore knows among {@code partitions}, over each table's {@code $partitions}
     * table. A table that does not exist (its CREATE was cut off, or it was dropped) has none.
     */
    private Set<Partition> registered(Set<Partition> partitions) {
        Map<String, List<Partition>> byTable = partitions.stream()
                .filter(partition -> jobs.tableExists(qualified(partition)))
                .collect(Collectors.groupingBy(this::qualified, LinkedHashMap::new, Collectors.toList()));
        if (byTable.isEmpty()) {
            return Set.of();
        }
        Set<Partition> registered = new HashSet<>();
        trino.query("partitions", registeredPartitionsQuery(byTable)).rows().forEach(row -> {
            String table = (String) row.get(0);
            LocalDate day = LocalDate.parse((String) row.get(1));
            byTable.get(table).stream()
                    .filter(partition -> partition.day().equals(day))
                    .forEach(registered::add);
        });
        return registered;
    }

    /**
     * The query for the registered partitions among {@code byTable}'s, one {@code $partitions} select per table; each
     * row is the qualified table and the partition's value as text.
     */
    static String registeredPartitionsQuery(Map<String, List<Partition>> byTable) {
        return byTable.entrySet().stream()
                .map(entry -> {
                    String table = entry.getKey();
                    String column = entry.getValue().get(0).column();
                    String days = entry.getValue().stream()
                            .map(partition -> new SqlValue.Date(partition.day()).render())
                            .collect(Collectors.joining(", "));
                    String partitionsTable = table.substring(0, table.lastIndexOf('.') + 1) + "\""
                            + table.substring(table.lastIndexOf('.') + 1) + "$partitions\"";
                    return "SELECT " + new SqlValue.Text(table).render() + ", CAST(" + column + " AS varchar) FROM "
                            + partitionsTable + " WHERE " + column + " IN (" + days + ")";
                })
                .collect(Collectors.joining("\nUNION ALL\n"));
    }

    private Partition partition(Model model, LocalDate day) {
        // The relation's layer names the schema the table is in ({{marts_schema}}), as its @table tag says.
        SqlValue.Identifier schema = schemas.schema(model.relation().split("\\.")[0]);
        return new Partition(
                schema.name() + "." + model.name(),
                schemas.tableFolder(schema, model.name()),
                model.partitionColumn().orElseThrow(),
                day);
    }

    private String qualified(Partition partition) {
        return schemas.catalog().render() + "." + partition.table();
    }

    private List<String> list(String prefix) {
        String bucket = schemas.lake().warehouseBucket();
        try {
            return s3.listObjectsV2Paginator(request -> request.bucket(bucket).prefix(prefix)).contents().stream()
                    .map(S3Object::key)
                    .toList();
        } catch (SdkException e) {
            throw LoglakeException.external(
                    String.format(
                            "Cannot list s3://%s/%s, where this run looks for files a cut-off run may have left before"
                                    + " it writes that partition: %s. The transform needs s3:ListBucket on the"
                                    + " warehouse bucket's staging and marts folders.",
                            bucket, prefix, e.getMessage()),
                    e);
        }
    }

    private void delete(Partition partition, List<String> files) {
        String bucket = schemas.lake().warehouseBucket();
        for (int from = 0; from < files.size(); from += DELETE_BATCH) {
            List<ObjectIdentifier> batch = files.subList(from, Math.min(files.size(), from + DELETE_BATCH)).stream()
                    .map(key -> ObjectIdentifier.builder().key(key).build())
                    .toList();
            DeleteObjectsResponse response;
            try {
                response = s3.deleteObjects(request -> request.bucket(bucket)
                        .delete(Delete.builder().objects(batch).quiet(true).build()));
            } catch (SdkException e) {
                throw deleteFailed(partition, bucket, e.getMessage(), e);
            }
            // DeleteObjects answers 200 and lists the keys it could not delete: a key left would be read again.
            if (response.hasErrors() && !response.errors().isEmpty()) {
                throw deleteFailed(
                        partition,
                        bucket,
                        response.errors().size() + " file(s) not deleted, first "
                                + response.errors().get(0).key() + ": "
                                + response.errors().get(0).message(),
                        null);
            }
        }
        log.warn("{}", describe(partition, files.size(), bucket));
    }

    private static LoglakeException deleteFailed(Partition partition, String bucket, String why, Throwable cause) {
        return LoglakeException.external(
                String.format(
                        "Cannot delete the orphan files of %s (s3://%s/%s), which a cut-off run left and Trino would"
                                + " read beside the files this run writes: %s. Nothing of that partition was written;"
                                + " the transform needs s3:DeleteObject on the warehouse bucket's staging and marts"
                                + " folders.",
                        partition, bucket, partition.folder(), why),
                cause);
    }
}
