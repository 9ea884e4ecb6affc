package dev.loglake.it.transforms;

import dev.loglake.generator.format.CombinedLineParser;
import dev.loglake.generator.format.LogRecord;
import dev.loglake.lake.RawLayout;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * What the generator wrote for one site's day, read back from the raw bucket with the generator's own line rule
 * (not Trino's): its visitors (distinct client IP and user agent) and the response times of its valid requests.
 * The manifest counts visitors by the model's keys, which no two runs share; these are the strings, so the
 * visitors of two sites can be told apart from the ones they share.
 */
record SiteLogs(Set<List<String>> visitors, List<Long> responseMicros) {
    SiteLogs {
        visitors = Set.copyOf(visitors);
        responseMicros = List.copyOf(responseMicros);
    }

    static SiteLogs read(S3Client s3, String bucket, String site, LocalDate day) {
        String prefix = RawLayout.hourPrefix("", RawLayout.COMBINED_FOLDER, site, day, 0);
        String dayPrefix = prefix.substring(0, prefix.length() - "hour=00/".length());
        Set<List<String>> visitors = new HashSet<>();
        List<Long> times = new ArrayList<>();
        for (S3Object object : s3.listObjectsV2Paginator(
                        request -> request.bucket(bucket).prefix(dayPrefix))
                .contents()) {
            for (String line : lines(s3, bucket, object.key())) {
                Optional<LogRecord> record = CombinedLineParser.parse(line);
                if (record.isPresent() && isOn(record.get(), day)) {
                    visitors.add(List.of(record.get().clientIp(), record.get().userAgent()));
                    times.add(record.get().responseMicros());
                }
            }
        }
        return new SiteLogs(visitors, times);
    }

    static SiteLogs union(List<SiteLogs> sites) {
        Set<List<String>> visitors = new HashSet<>();
        List<Long> times = new ArrayList<>();
        sites.forEach(site -> {
            visitors.addAll(site.visitors());
            times.addAll(site.responseMicros());
        });
        return new SiteLogs(visitors, times);
    }

    private static boolean isOn(LogRecord record, LocalDate day) {
        return LocalDate.ofEpochDay(Math.floorDiv(record.epochSecond(), 86_400L))
                .equals(day);
    }

    private static List<String> lines(S3Client s3, String bucket, String key) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(
                        s3.getObject(request -> request.bucket(bucket).key(key))),
                StandardCharsets.UTF_8))) {
            return reader.lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read s3://" + bucket + "/" + key, e);
        }
    }
}
