package dev.loglake.generator.ingest;

import java.util.Collections;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What an ingest did. Every line read is routed to its date, quarantined, or a header line of its format (which
 * holds no request and is not stored): linesRead = linesRouted + linesQuarantined + headerLines.
 *
 * @param byDate lines routed per UTC date
 * @param headerLines header lines of the format (CloudFront's #Version and #Fields), counted and not stored
 * @param routedWithoutShape routed lines that lack the full shape of the format (counted, not dropped)
 * @param linesTooLong quarantined lines longer than the bound of a line (only their head is kept)
 * @param filesWithTooLongLines the files those lines are in
 * @param emptyFiles the files without a byte (after gzip), which have nothing to ingest
 * @param bytesAlreadyIngested bytes of the files that an earlier ingest stored, skipped (a log that grew since)
 * @param leftoversDeleted objects an interrupted ingest of the same logs had stored, deleted because this run
 *     stored their lines again under other names (the log had grown in between)
 */
public record IngestSummary(
        int files,
        long linesRead,
        long linesRouted,
        long linesQuarantined,
        long headerLines,
        long routedWithoutShape,
        long linesTooLong,
        SortedSet<String> filesWithTooLongLines,
        SortedSet<String> emptyFiles,
        long bytesAlreadyIngested,
        int leftoversDeleted,
        Map<String, Long> byDate,
        int objects) {
    public IngestSummary {
        byDate = Collections.unmodifiableMap(new TreeMap<>(byDate));
        filesWithTooLongLines = Collections.unmodifiableSortedSet(new TreeSet<>(filesWithTooLongLines));
        emptyFiles = Collections.unmodifiableSortedSet(new TreeSet<>(emptyFiles));
        if (linesRouted + linesQuarantined + headerLines != linesRead) {
            throw new IllegalStateException("lines lost: read " + linesRead + ", routed " + linesRouted
                    + ", quarantined " + linesQuarantined + ", header lines " + headerLines);
        }
    }
}
