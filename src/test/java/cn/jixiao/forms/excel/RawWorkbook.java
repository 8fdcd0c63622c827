package cn.jixiao.forms.excel;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.apache.poi.ss.util.CellReference;

/**
 * An .xlsx written by hand, part by part, as no office program would write it: sheets under any part name and
 * content type, several sheets on one part, cells of any type — the workbooks an attacker makes in a text editor.
 */
public final class RawWorkbook {
    static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static final String TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.";

    private record Sheet(String name, String relationship) {
    }

    private final List<Sheet> sheets = new ArrayList<>();
    /** Relationship id → target, relative to xl/. */
    private final Map<String, String> targets = new LinkedHashMap<>();
    private final Map<String, String> parts = new LinkedHashMap<>();
    private final Map<String, String> defaults = new LinkedHashMap<>();
    private final Map<String, String> overrides = new LinkedHashMap<>();
    private final Map<String, UnaryOperator<String>> edits = new LinkedHashMap<>();

    /** A sheet named {@code name} in the part xl/{@code part}, declared a worksheet by its part name. */
    public RawWorkbook sheet(String name, String part, String sheetData) {
        String id = "rId" + (targets.size() + 1);
        sheets.add(new Sheet(name, id));
        targets.put(id, part);
        parts.put("xl/" + part, worksheet(sheetData));
        overrides.put("/xl/" + part, TYPE + "worksheet+xml");
        return this;
    }

    /** The one-sheet workbook of these rows and what follows sheetData (merged cells). */
    public static RawWorkbook of(String sheetData) {
        return new RawWorkbook().sheet("Sheet1", "worksheets/sheet1.xml", sheetData);
    }

    /** One more sheet on the relationship of an existing one: two sheets, one part. */
    RawWorkbook sameRelationship(String name, String relationship) {
        sheets.add(new Sheet(name, relationship));
        return this;
    }

    /** One more sheet with a relationship of its own to an existing part. */
    RawWorkbook sameTarget(String name, String part) {
        String id = "rId" + (targets.size() + 1);
        sheets.add(new Sheet(name, id));
        targets.put(id, part);
        return this;
    }

    public RawWorkbook sharedStrings(String... texts) {
        StringBuilder xml = new StringBuilder("<sst xmlns=\"" + MAIN + "\" count=\"" + texts.length + "\" uniqueCount=\"" + texts.length + "\">");
        for (String text : texts) {
            xml.append("<si><t>").append(text).append("</t></si>");
        }
        return part("sharedStrings.xml", xml.append("</sst>").toString(), TYPE + "sharedStrings+xml",
                RELATIONSHIPS + "/sharedStrings");
    }

    RawWorkbook styles(String xml) {
        return part("styles.xml", xml, TYPE + "styles+xml", RELATIONSHIPS + "/styles");
    }

    private RawWorkbook part(String part, String xml, String contentType, String relationshipType) {
        parts.put("xl/" + part, xml);
        overrides.put("/xl/" + part, contentType);
        targets.put("rId" + (targets.size() + 1) + "|" + relationshipType, part);
        return this;
    }

    /** A part no relationship names, declared of a kind ({@code worksheet+xml}) by its name in [Content_Types].xml. */
    RawWorkbook declared(String part, String xml, String kind) {
        parts.put("xl/" + part, xml);
        overrides.put("/xl/" + part, TYPE + kind);
        return this;
    }

    /** A content type for every part of an extension ({@code bin}, {@code XML}), instead of one by part name. */
    public RawWorkbook byExtension(String extension, String kind) {
        defaults.put(extension, TYPE + kind);
        overrides.keySet().removeIf(name -> name.endsWith("." + extension));
        return this;
    }

    /** Replaces a part's text as written: {@code xl/workbook.xml}, a sheet's part. */
    RawWorkbook edit(String part, UnaryOperator<String> change) {
        edits.put(part, change);
        return this;
    }

    static String worksheet(String sheetData) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"" + MAIN + "\" xmlns:r=\"" + RELATIONSHIPS + "\">"
                + (sheetData.startsWith("<sheetData") ? sheetData : "<sheetData>" + sheetData + "</sheetData>") + "</worksheet>";
    }

    /** A row of inline-text cells from column A: {@code row(1, "项目名称", "总计")}. */
    public static String row(int number, String... texts) {
        StringBuilder xml = new StringBuilder("<row r=\"" + number + "\">");
        for (int c = 0; c < texts.length; c++) {
            if (!texts[c].isEmpty()) {
                xml.append("<c r=\"").append(CellReference.convertNumToColString(c)).append(number)
                        .append("\" t=\"inlineStr\"><is><t>").append(texts[c]).append("</t></is></c>");
            }
        }
        return xml.append("</row>").toString();
    }

    /** CJK text that does not repeat: it compresses as a person's text does, not a thousandfold (POI refuses that). */
    public static String varied(int length) {
        Random random = new Random(length);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) (0x4E00 + random.nextInt(0x5000)));
        }
        return text.toString();
    }

    public byte[] bytes() {
        Map<String, byte[]> zip = new LinkedHashMap<>();
        StringBuilder types = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>");
        defaults.forEach((extension, type) -> types.append("<Default Extension=\"").append(extension).append("\" ContentType=\"").append(type).append("\"/>"));
        types.append("<Override PartName=\"/xl/workbook.xml\" ContentType=\"" + TYPE + "sheet.main+xml\"/>");
        overrides.forEach((name, type) -> types.append("<Override PartName=\"").append(name).append("\" ContentType=\"").append(type).append("\"/>"));
        zip.put("[Content_Types].xml", utf8(types.append("</Types>").toString()));
        zip.put("_rels/.rels", utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"" + RELATIONSHIPS + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"));
        StringBuilder workbook = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"" + MAIN + "\" xmlns:r=\""
                + RELATIONSHIPS + "\"><sheets>");
        for (int i = 0; i < sheets.size(); i++) {
            workbook.append("<sheet name=\"").append(sheets.get(i).name()).append("\" sheetId=\"").append(i + 1).append("\" r:id=\"")
                    .append(sheets.get(i).relationship()).append("\"/>");
        }
        parts.putIfAbsent("xl/workbook.xml", workbook.append("</sheets></workbook>").toString());
        StringBuilder rels = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
        targets.forEach((id, target) -> {
            String[] idAndType = id.split("\\|");
            String type = idAndType.length > 1 ? idAndType[1] : RELATIONSHIPS + "/worksheet";
            rels.append("<Relationship Id=\"").append(idAndType[0]).append("\" Type=\"").append(type).append("\" Target=\"")
                    .append(target).append("\"/>");
        });
        zip.put("xl/_rels/workbook.xml.rels", utf8(rels.append("</Relationships>").toString()));
        parts.forEach((name, xml) -> zip.put(name, utf8(edits.getOrDefault(name, text -> text).apply(xml))));
        return BrokenWorkbooks.zip(zip);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
