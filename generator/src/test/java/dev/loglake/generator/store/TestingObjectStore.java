package dev.loglake.generator.store;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;

/** An in-memory {@link ObjectStore} for tests: keeps objects in key order and counts the writes. */
public final class TestingObjectStore implements ObjectStore {
    private final Map<String, byte[]> objects = new ConcurrentSkipListMap<>();
    private final AtomicInteger puts = new AtomicInteger();
    private final List<String> writtenKeys = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Map<String, OpenUpload> openUploads = new ConcurrentSkipListMap<>();
    private final AtomicInteger uploadIds = new AtomicInteger();

    @Override
    public ObjectUpload upload(String key) {
        return new ObjectUpload() {
            private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            private boolean aborted;

            @Override
            public void write(int b) {
                bytes.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                bytes.write(b, off, len);
            }

            @Override
            public void close() {
                if (!aborted) {
                    put(key, bytes.toByteArray());
                }
            }

            @Override
            public void abort() {
                aborted = true;
            }

            @Override
            public long size() {
                return bytes.size();
            }
        };
    }

    @Override
    public void put(String key, byte[] bytes) {
        objects.put(key, bytes.clone());
        puts.incrementAndGet();
        writtenKeys.add(key);
    }

    @Override
    public byte[] get(String key) {
        byte[] bytes = objects.get(key);
        if (bytes == null) {
            throw new IllegalArgumentException("no object " + key);
        }
        return bytes.clone();
    }

    @Override
    public List<String> list(String prefix) {
        return objects.keySet().stream().filter(key -> key.startsWith(prefix)).toList();
    }

    @Override
    public void delete(List<String> keys) {
        keys.forEach(objects::remove);
    }

    @Override
    public List<OpenUpload> openUploads(String prefix) {
        return openUploads.values().stream()
                .filter(upload -> upload.key().startsWith(prefix))
                .sorted(java.util.Comparator.comparing(OpenUpload::key))
                .toList();
    }

    @Override
    public void abort(OpenUpload upload) {
        openUploads.remove(upload.uploadId());
    }

    /** An upload as a process killed in its middle leaves it: open, its parts stored, no object under its key. */
    public OpenUpload leaveUploadOpen(String key) {
        OpenUpload upload = new OpenUpload(key, "upload-" + uploadIds.incrementAndGet());
        openUploads.put(upload.uploadId(), upload);
        return upload;
    }

    @Override
    public String describe() {
        return "memory";
    }

    public Map<String, byte[]> objects() {
        return objects;
    }

    public int puts() {
        return puts.get();
    }

    public List<String> writtenKeys() {
        return List.copyOf(writtenKeys);
    }

    public void clearWrittenKeys() {
        writtenKeys.clear();
    }
}
