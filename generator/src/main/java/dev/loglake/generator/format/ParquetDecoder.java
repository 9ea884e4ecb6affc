package dev.loglake.generator.format;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetReader;

/** Reads a Parquet object written by {@link ParquetEncoder} back into records. */
public final class ParquetDecoder {
    private ParquetDecoder() {}

    public static List<GenericRecord> decode(byte[] object) {
        List<GenericRecord> records = new ArrayList<>();
        try (ParquetReader<GenericRecord> reader = AvroParquetReader.<GenericRecord>builder(
                        new InMemoryInputFile(object))
                .withConf(new Configuration(false))
                .build()) {
            for (GenericRecord record = reader.read(); record != null; record = reader.read()) {
                records.add(record);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read Parquet object", e);
        }
        return records;
    }
}
