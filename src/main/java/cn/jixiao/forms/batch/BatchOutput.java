package cn.jixiao.forms.batch;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The answer's bytes as a batch writes them, bounded, and cut off for good once the batch fails: nothing written
 * after a failure (a ZIP's central directory, a PDF's trailer) reaches the client, so that a batch that could not
 * finish never arrives looking whole. Closing it leaves the answer to the server to end or abort.
 */
final class BatchOutput extends OutputStream {
    /** What to throw when the bytes would pass the bound: the limit, named for the client. */
    interface Beyond {
        RuntimeException exceeded(long bytes, long limit);
    }

    private final OutputStream out;
    private final long maxBytes;
    private final Beyond beyond;
    private long written;
    private boolean severed;

    BatchOutput(OutputStream out, long maxBytes, Beyond beyond) {
        this.out = out;
        this.maxBytes = maxBytes;
        this.beyond = beyond;
    }

    /** Unbounded: for a ZIP, whose files are each bounded by their own budget. */
    BatchOutput(OutputStream out) {
        this(out, Long.MAX_VALUE, null);
    }

    /** From now on nothing more reaches the client. */
    void sever() {
        severed = true;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[]{(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (severed) {
            return;
        }
        if (written + len > maxBytes) {
            severed = true;
            throw beyond.exceeded(written + len, maxBytes);
        }
        written += len;
        out.write(b, off, len);
    }

    @Override
    public void flush() throws IOException {
        if (!severed) {
            out.flush();
        }
    }

    @Override
    public void close() throws IOException {
        flush();
    }
}
