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

    /**
     * The multipart uploads open under a prefix: those of a process killed in the middle of an upload, and those of
     * writers still at work.
     */
    List<OpenUpload> openUploads(String prefix);

    /** Aborts an open upload, deleting its parts; the key keeps whatever object it had. One already gone is no error. */
    void abort(OpenUpload upload);

    /** Where the objects go, for messages: "s3://bucket (endpoint)". */
    String describe();
}
