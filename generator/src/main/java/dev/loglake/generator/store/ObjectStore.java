package dev.loglake.generator.store;

import java.util.List;

/** The few object-store operations the generator and ingest need, so that tests can use an in-memory store. */
public interface ObjectStore {
    /** Starts writing an object; large objects go up in parts while they are written. */
    ObjectUpload upload(String key);

    void put(String key, byte[] bytes);

    byte[] get(String key);

    /** Object keys under a prefix, in key order; directory placeholders (keys ending in '/') are left out. */
    List<String> list(String prefix);

    void delete(List<String> keys);

    /** Where the objects go, for messages: "s3://bucket (endpoint)". */
    String describe();
}
