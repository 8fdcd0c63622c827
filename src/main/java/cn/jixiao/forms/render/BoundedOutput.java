package cn.jixiao.forms.render;

import java.io.ByteArrayOutputStream;

/** The bytes of a file being written, refused the moment they pass the budget instead of after they filled the heap. */
public final class BoundedOutput extends ByteArrayOutputStream {
    private final int maxBytes;

    public BoundedOutput(int initialSize, int maxBytes) {
        super(Math.min(initialSize, maxBytes));
        this.maxBytes = maxBytes;
    }

    @Override
    public synchronized void write(int b) {
        ensure(1);
        super.write(b);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        ensure(len);
        super.write(b, off, len);
    }

    private void ensure(int more) {
        if ((long) count + more > maxBytes) {
            throw new BudgetExceeded(BudgetExceeded.Measure.BYTES, (long) count + more, maxBytes, false);
        }
        Interrupts.check();
    }
}
