package dev.loglake.generator.format;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;

/**
 * Reads a Parquet object written by {@link ParquetEncoder} back, row by row. Uses the file reader directly:
 * AvroParquetReader would pull in Hadoop MapReduce for nothing.
 */
public final class ParquetDecoder {
    private ParquetDecoder() {}

    public static List<LogRecord> decode(byte[] object) {
        List<LogRecord> records = new ArrayList<>();
        try (ParquetFileReader reader = ParquetFileReader.open(
                new InMemoryInputFile(object),
                ParquetReadOptions.builder(new PlainParquetConfiguration()).build())) {
            MessageType schema = reader.getFooter().getFileMetaData().getSchema();
            MessageColumnIO columns = new ColumnIOFactory().getColumnIO(schema);
            for (PageReadStore rows = reader.readNextRowGroup(); rows != null; rows = reader.readNextRowGroup()) {
                RecordReader<Group> rowReader = columns.getRecordReader(rows, new GroupRecordConverter(schema));
                for (long i = 0; i < rows.getRowCount(); i++) {
                    records.add(toRecord(rowReader.read()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read Parquet object", e);
        }
        return records;
    }

    private static LogRecord toRecord(Group row) {
        return new LogRecord(
                row.getString("client_ip", 0),
                row.getLong("time", 0) / 1000,
                row.getString("method", 0),
                row.getString("target", 0),
                row.getString("protocol", 0),
                row.getInteger("status", 0),
                row.getLong("bytes", 0),
                row.getFieldRepetitionCount("referer") == 0
                        ? java.util.Optional.empty()
                        : java.util.Optional.of(row.getString("referer", 0)),
                row.getString("user_agent", 0),
                row.getLong("response_time_us", 0));
    }
}
