package cn.jixiao.forms.excel;

import cn.jixiao.forms.form.FormError;
import cn.jixiao.forms.form.Limits;
import cn.jixiao.forms.render.Interrupts;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.PackagingURIHelper;
import org.apache.poi.openxml4j.opc.internal.ZipHelper;
import org.apache.poi.openxml4j.util.ZipSecureFile;

/**
 * What each part of an .xlsx package is — the workbook, a sheet, the shared strings, the styles — the way POI
 * will take it: by the content type {@code [Content_Types].xml} gives its name or its extension (in any case),
 * and by every relationship that points at it. One streaming pass over the zip, as POI reads it, keeping names
 * only: at most as many parts as POI opens. The inflated bytes are counted on the way.
 */
final class PackageParts {
    enum Role { WORKBOOK, SHEET, STRINGS, STYLES }

    /** The parts of a workbook together may inflate to this many times the body limit. */
    static final int MULTIPLE_OF_BODY = 32;
    /** The JDK's own parser, whatever another library on the class path or a system property would choose. */
    private static final XMLInputFactory XML = XMLInputFactory.newDefaultFactory();
    private static final String CONTENT_TYPES = "/[content_types].xml";

    static {
        XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    }

    /** A relationship of a kind that decides what its target is read as; parts by their names in lower case. */
    record Relationship(String source, String id, Role role, String target) {
    }

    private final Set<String> names = new HashSet<>();
    private final Map<String, String> defaults = new HashMap<>();
    private final Map<String, String> overrides = new HashMap<>();
    private final List<Relationship> relationships = new ArrayList<>();
    private String workbook;

    private PackageParts() {
    }

    /** The parts of {@code bytes}; refuses what inflates beyond its cap, an .ods, and more parts than POI opens. */
    static PackageParts of(byte[] bytes, Limits limits) throws IOException {
        PackageParts parts = new PackageParts();
        long cap = (long) MULTIPLE_OF_BODY * limits.bodyBytes();
        try (ZipArchiveInputStream zip = zip(bytes)) {
            InputStream inflated = new Inflated(zip, cap);
            for (ZipArchiveEntry entry = zip.getNextZipEntry(); entry != null; entry = zip.getNextZipEntry()) {
                Interrupts.check();
                if (entry.getName().equals("mimetype")
                        && new String(inflated.readNBytes(100), StandardCharsets.US_ASCII).contains("opendocument")) {
                    throw WorkbookFile.unreadable("这是 OpenDocument 表格（.ods）：请在 WPS、Excel 或 LibreOffice 中另存为 .xlsx");
                }
                if (parts.names.size() >= ZipSecureFile.getMaxFileCount()) {
                    throw WorkbookFile.unreadable("工作簿的部件过多：超过 " + ZipSecureFile.getMaxFileCount() + " 个，不像 Excel 或 WPS 保存的文件");
                }
                String name = key(entry.getName());
                if (name != null) {
                    parts.names.add(name);
                    parts.note(name, inflated);
                }
                inflated.transferTo(OutputStream.nullOutputStream());
            }
        }
        for (Relationship relationship : parts.relationships) {
            if (relationship.role() == Role.WORKBOOK && relationship.source().equals("/")) {
                parts.workbook = relationship.target();
            }
        }
        return parts;
    }

    /** The zip as POI's package reader walks it: the same entries, in the same order. */
    static ZipArchiveInputStream zip(byte[] bytes) {
        return new ZipArchiveInputStream(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8.name(), false, true);
    }

    /** The entry being read, for a parser that closes its input at the end: the zip stays open for the next one. */
    static InputStream uncloseable(InputStream zip) {
        return new Inflated(zip, Long.MAX_VALUE);
    }

    /** A part's name as POI compares it (lower case, from the root), or null for an entry POI passes over. */
    static String key(String entryName) {
        if (entryName.isEmpty() || entryName.endsWith("/") || entryName.startsWith("[trash]")) {
            return null;
        }
        if (entryName.equalsIgnoreCase("[Content_Types].xml")) {
            return CONTENT_TYPES;
        }
        return partName(ZipHelper.getOPCNameFromZipItemName(entryName));
    }

    /** A part name as {@code [Content_Types].xml} writes it, compared as POI compares it; null when it is none. */
    private static String partName(String written) {
        try {
            return written == null ? null : lower(PackagingURIHelper.createPartName(written).getName());
        } catch (InvalidFormatException | IllegalArgumentException notAPartName) {
            return null;
        }
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    private void note(String name, InputStream part) {
        if (name.equals(CONTENT_TYPES)) {
            read(part, name, reader -> {
                switch (reader.getLocalName()) {
                    case "Default" -> keep(defaults, attribute(reader, "Extension"), attribute(reader, "ContentType"));
                    case "Override" -> keep(overrides, partName(attribute(reader, "PartName")), attribute(reader, "ContentType"));
                    default -> {
                    }
                }
            });
        } else if (PackagingURIHelper.isRelationshipPartURI(URI.create(name))) {
            String source = PackagingURIHelper.getSourcePartUriFromRelationshipPartUri(URI.create(name)).getPath();
            read(part, name, reader -> {
                if (reader.getLocalName().equals("Relationship") && !"External".equals(attribute(reader, "TargetMode"))) {
                    Role role = relationshipRole(attribute(reader, "Type"));
                    String target = role == null ? null : target(source, attribute(reader, "Target"));
                    if (target != null) {
                        if (relationships.size() >= ZipSecureFile.getMaxFileCount() * 4L) {
                            throw WorkbookFile.unreadable("工作簿的关系过多：" + name + " 等处共超过 " + relationships.size() + " 条");
                        }
                        relationships.add(new Relationship(source, attribute(reader, "Id"), role, target));
                    }
                }
            });
        }
    }

    private void keep(Map<String, String> map, String name, String contentType) {
        if (name == null || contentType == null) {
            return;
        }
        if (defaults.size() + overrides.size() >= ZipSecureFile.getMaxFileCount() * 4L) {
            throw WorkbookFile.unreadable("工作簿的内容类型过多：[Content_Types].xml 列出了超过 " + (defaults.size() + overrides.size()) + " 项");
        }
        map.put(lower(name), lower(contentType));
    }

    /** The part a relationship of {@code source} points at, resolved as POI resolves it; null when it names none. */
    private static String target(String source, String target) {
        if (target == null) {
            return null;
        }
        try {
            URI uri = PackagingURIHelper.toURI(target);
            if (uri.getRawFragment() != null) {
                uri = new URI(uri.getPath());
            }
            URI resolved = uri.getPath().startsWith("/") ? uri : PackagingURIHelper.resolvePartUri(URI.create(source), uri);
            return lower(PackagingURIHelper.createPartName(resolved).getName());
        } catch (Exception notAPart) {
            return null; // POI passes such a relationship over too
        }
    }

    private static Role relationshipRole(String type) {
        if (type == null) {
            return null;
        }
        String kind = type.substring(type.lastIndexOf('/') + 1);
        return switch (kind) {
            case "officeDocument" -> Role.WORKBOOK;
            case "worksheet", "chartsheet", "dialogsheet", "xlMacrosheet", "xlIntlMacrosheet" -> Role.SHEET;
            case "sharedStrings" -> Role.STRINGS;
            case "styles" -> Role.STYLES;
            default -> null;
        };
    }

    private static Role contentRole(String contentType) {
        if (contentType == null) {
            return null;
        }
        if (contentType.endsWith(".worksheet+xml") || contentType.endsWith(".chartsheet+xml")
                || contentType.endsWith(".dialogsheet+xml") || contentType.endsWith("macrosheet+xml")) {
            return Role.SHEET;
        }
        if (contentType.endsWith(".sharedstrings+xml")) {
            return Role.STRINGS;
        }
        return contentType.endsWith("spreadsheetml.styles+xml") ? Role.STYLES : null;
    }

    /** What a part is read as: by its content type, and by every relationship that points at it. */
    Set<Role> roles(String name) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        String extension = name.substring(name.lastIndexOf('/') + 1);
        extension = extension.contains(".") ? extension.substring(extension.lastIndexOf('.') + 1) : "";
        Role byContent = contentRole(overrides.getOrDefault(name, defaults.get(extension)));
        if (byContent != null) {
            roles.add(byContent);
        }
        for (Relationship relationship : relationships) {
            if (relationship.target().equals(name)) {
                roles.add(relationship.role());
            }
        }
        return roles;
    }

    /** The workbook's own part, or null when the package names none. */
    String workbook() {
        return workbook;
    }

    /** The part a sheet of the workbook stands in, by the id of its relationship; null for none. */
    String sheetPart(String relationshipId) {
        for (Relationship relationship : relationships) {
            if (relationship.role() == Role.SHEET && relationship.source().equals(workbook) && relationship.id() != null
                    && relationship.id().equals(relationshipId)) {
                return relationship.target();
            }
        }
        return null;
    }

    /** What a pass does with a part's XML: told of each element as it starts, and of text and ends if it asks. */
    interface PartReader {
        void start(XMLStreamReader reader);

        default void text(XMLStreamReader reader) {
        }

        default void end(XMLStreamReader reader) {
        }
    }

    /** Reads a part's XML in a stream; a damaged part is the workbook's fault. */
    static void read(InputStream part, String name, PartReader pass) {
        try {
            XMLStreamReader reader = XML.createXMLStreamReader(part);
            while (reader.hasNext()) {
                Interrupts.check();
                switch (reader.next()) {
                    case XMLStreamReader.START_ELEMENT -> pass.start(reader);
                    case XMLStreamReader.CHARACTERS, XMLStreamReader.CDATA -> pass.text(reader);
                    case XMLStreamReader.END_ELEMENT -> pass.end(reader);
                    default -> {
                    }
                }
            }
            reader.close();
        } catch (XMLStreamException e) {
            throw WorkbookFile.unreadable("无法读取工作簿：其中的 XML 已损坏（" + name + "：" + e.getMessage() + "）");
        }
    }

    /** The value of an attribute, by its local name in any namespace; null when absent. */
    static String attribute(XMLStreamReader reader, String localName) {
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            if (reader.getAttributeLocalName(i).equals(localName)) {
                return reader.getAttributeValue(i);
            }
        }
        return null;
    }

    /** Counts the bytes inflated from the zip, and refuses the workbook once they pass the cap. */
    private static final class Inflated extends FilterInputStream {
        private final long cap;
        private long count;

        Inflated(InputStream in, long cap) {
            super(in);
            this.cap = cap;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            Interrupts.check();
            int n = super.read(buffer, offset, length);
            count += Math.max(0, n);
            if (count > cap) {
                throw FormError.invalid(List.of(PackageScan.beyond("bodyBytes", "工作簿解压后过大：超过 " + cap + " 字节，即请求体上限的 "
                        + MULTIPLE_OF_BODY + " 倍")));
            }
            return n;
        }

        @Override
        public void close() {
            // the zip stays open for the next part
        }
    }
}
