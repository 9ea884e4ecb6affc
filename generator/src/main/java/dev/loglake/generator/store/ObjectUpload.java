package dev.loglake.generator.store;

import java.io.OutputStream;

/** An object being written: close() makes it visible under its key, abort() leaves nothing behind. */
public abstract class ObjectUpload extends OutputStream {
    /** Discards what was written; the key keeps whatever object it had before. Never throws. */
    public abstract void abort();

    /** Bytes written so far (the stored size once closed). */
    public abstract long size();
}
