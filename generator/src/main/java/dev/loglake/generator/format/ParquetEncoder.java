package dev.loglake.generator.format;

import dev.loglake.generator.model.AccessEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/** Writes events as one Parquet file (parquet-avro, {@link AccessLogSchema}), in memory. */
public final class ParquetEncoder {
    private final CompressionCodecName codec;

    public ParquetEncoder(Compression compression) {
        this.codec = switch (compression) {
            case GZIP -> CompressionCodecName.GZIP;
            case ZSTD -> CompressionCodecName.ZSTD;
            case NONE -> CompressionCodecName.UNCOMPRESSED;
        };
    }

    public byte[] encode(List<AccessEvent> events) {
        return encodeRecords(events.stream().map(AccessLogSchema::toRecord).toList());
    }

    /** Writes records of {@link AccessLogSchema#SCHEMA} as one Parquet file, in memory. */
    public byte[] encodeRecords(List<GenericRecord> records) {
        InMemoryOutputFile file = new InMemoryOutputFile();
        // No default resources: nothing is read from core-site.xml files that happen to be on the class path.
        Configuration configuration = new Configuration(false);
        try (ParquetWriter<GenericRecord> writer = AvroParquetWriter.<GenericRecord>builder(file)
                .withSchema(AccessLogSchema.SCHEMA)
                .withConf(configuration)
                .withCompressionCodec(codec)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .withDictionaryEncoding(true)
                .build()) {
            for (GenericRecord record : records) {
                writer.write(record);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write Parquet in memory", e);
        }
        return file.toByteArray();
    }
}
