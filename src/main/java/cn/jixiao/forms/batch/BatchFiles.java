package cn.jixiao.forms.batch;

import cn.jixiao.forms.FormService;
import cn.jixiao.forms.form.Json;
import cn.jixiao.forms.form.Problem;
import cn.jixiao.forms.render.OutputFormat;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/**
 * A batch as a ZIP, written as it is rendered: for each item, in order, its PDF and/or DOCX under the Chinese
 * file name a single render would give it (made unique: {@code …（2）.pdf}), then {@code manifest.json}
 * (item, form, files, pages, warnings). Entry times are fixed: the same request gives the same bytes. Names are
 * UTF-8, flagged so, in entries marked as made on Unix: Info-ZIP's {@code unzip} reads the names of entries made
 * on MS-DOS (what {@code java.util.zip} writes) in an OEM code page even when they are flagged UTF-8, and so
 * garbled every Chinese name.
 */
public final class BatchFiles {
    /** Written as a DOS time (local time, no zone) only, so that the bytes do not depend on the host's time zone. */
    private static final LocalDateTime FIXED_TIME = LocalDateTime.of(2000, 1, 1, 0, 0);
    /** rw-r--r--, a regular file. */
    private static final int FILE_MODE = 0100644;
    public static final String MANIFEST = "manifest.json";
    /** What Linux, macOS and Windows file systems take of one name, in bytes of UTF-8 on Linux. */
    static final int MAX_NAME_BYTES = 255;
    /** {@code .docx} or {@code .xlsx}: the base name of an item leaves room for it. */
    private static final int LONGEST_EXTENSION_BYTES = 5;

    private final FormService service;

    public BatchFiles(FormService service) {
        this.service = service;
    }

    /**
     * Renders each item in turn (a render slot at a time) into the ZIP; stops when the client is no longer there,
     * at the latest at the first write it no longer takes. A batch that fails part-way ends without a central
     * directory: the bytes sent are no readable ZIP, and the server aborts the answer.
     */
    public void write(BatchRequest batch, Set<OutputFormat> formats, FormService.PdfExtras extras, OutputStream out,
                      BooleanSupplier clientPresent) {
        BatchOutput answer = new BatchOutput(out);
        ZipArchiveOutputStream zip = new ZipArchiveOutputStream(answer);
        boolean whole = false;
        try {
            List<Map<String, Object>> manifest = new ArrayList<>();
            Set<String> taken = new HashSet<>();
            for (BatchRequest.Item item : batch.items()) {
                BatchCutOff.unlessPresent(clientPresent, item.index(), batch.items().size());
                manifest.add(item(zip, item, formats, extras, taken, batch.items().size()));
            }
            entry(zip, MANIFEST, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(Map.of("items", manifest)));
            zip.finish();
            whole = true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (!whole) {
                answer.sever();
            }
            closeQuietly(zip);
        }
    }

    /** One item's files written into the ZIP; its line of the manifest. */
    private Map<String, Object> item(ZipArchiveOutputStream zip, BatchRequest.Item item, Set<OutputFormat> formats,
                                     FormService.PdfExtras extras, Set<String> taken, int of) throws IOException {
        List<String> names = new ArrayList<>();
        Integer pages = null;
        String base = null;
        for (OutputFormat format : OutputFormat.values()) {
            if (!formats.contains(format)) {
                continue;
            }
            FormService.RenderedFile file = service.render(item.document(), format,
                    format == OutputFormat.PDF ? extras : FormService.PdfExtras.NONE);
            if (base == null) {
                base = unique(stem(file.fileName()), taken, MAX_NAME_BYTES - LONGEST_EXTENSION_BYTES);
            }
            String name = base + "." + format.extension();
            try {
                entry(zip, name, file.bytes());
            } catch (IOException gone) {
                throw new BatchCutOff(item.index(), of);
            }
            names.add(name);
            if (format == OutputFormat.PDF) {
                pages = file.pages();
            }
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("item", item.index());
        line.put("form", item.form().id());
        line.put("files", names);
        line.put("pages", pages);
        line.put("warnings", item.warnings());
        return line;
    }

    private static void closeQuietly(ZipArchiveOutputStream zip) {
        try {
            zip.close();
        } catch (IOException | RuntimeException cutOff) {
            // the answer is cut off already; closing only frees the compressor
        }
    }

    private static void entry(ZipArchiveOutputStream zip, String name, byte[] bytes) throws IOException {
        ZipArchiveEntry entry = new ZipArchiveEntry(name);
        entry.setTime(FIXED_TIME.atZone(ZoneId.systemDefault()).toInstant().toEpochMilli());
        entry.setUnixMode(FILE_MODE);
        zip.putArchiveEntry(entry);
        zip.write(bytes);
        zip.closeArchiveEntry();
        zip.flush();
    }

    private static String stem(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? fileName : fileName.substring(0, dot);
    }

    /**
     * The name itself, or with （2）, （3） … until it is one no earlier item has; cut on a character boundary so
     * that with its suffix it takes at most {@code maxBytes} bytes of UTF-8.
     */
    static String unique(String name, Set<String> taken, int maxBytes) {
        String candidate = cut(name, maxBytes);
        for (int n = 2; !taken.add(candidate); n++) {
            String suffix = "（" + n + "）";
            candidate = cut(name, maxBytes - utf8Length(suffix)) + suffix;
        }
        return candidate;
    }

    /** The longest start of {@code text}, whole characters, of at most {@code maxBytes} bytes of UTF-8. */
    static String cut(String text, int maxBytes) {
        int bytes = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            bytes += codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
            if (bytes > maxBytes) {
                return text.substring(0, i);
            }
            i += Character.charCount(codePoint);
        }
        return text;
    }

    private static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
