package cn.jixiao.forms.excel;

import cn.jixiao.forms.render.Interrupts;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Enumeration;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.poi.openxml4j.util.ZipEntrySource;

/**
 * The parts of a package as POI reads them, each stream checking the render's interrupt as it is read: POI's
 * parse of a sheet (one call, seconds for a large one) stops when the import is given up on, as our own loops do.
 */
final class InterruptibleParts implements ZipEntrySource {
    private final ZipEntrySource parts;

    InterruptibleParts(ZipEntrySource parts) {
        this.parts = parts;
    }

    @Override
    public Enumeration<? extends ZipArchiveEntry> getEntries() {
        return parts.getEntries();
    }

    @Override
    public ZipArchiveEntry getEntry(String path) {
        return parts.getEntry(path);
    }

    @Override
    public InputStream getInputStream(ZipArchiveEntry entry) throws IOException {
        return new FilterInputStream(parts.getInputStream(entry)) {
            @Override
            public int read() throws IOException {
                Interrupts.check();
                return super.read();
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                Interrupts.check();
                return super.read(buffer, offset, length);
            }
        };
    }

    @Override
    public void close() throws IOException {
        parts.close();
    }

    @Override
    public boolean isClosed() {
        return parts.isClosed();
    }
}
