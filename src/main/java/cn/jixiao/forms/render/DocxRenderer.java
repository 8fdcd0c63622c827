package cn.jixiao.forms.render;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.OutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import cn.jixiao.forms.render.css.Cascade;
import cn.jixiao.forms.render.css.Cascades;
import cn.jixiao.forms.render.css.Lengths;
import cn.jixiao.forms.render.css.Stylesheet;
import org.docx4j.openpackaging.exceptions.Docx4JException;
import org.docx4j.openpackaging.packages.WordprocessingMLPackage;
import org.docx4j.openpackaging.parts.WordprocessingML.DocumentSettingsPart;
import org.docx4j.openpackaging.parts.WordprocessingML.FontTablePart;
import org.docx4j.openpackaging.parts.WordprocessingML.FooterPart;
import org.docx4j.openpackaging.parts.WordprocessingML.MainDocumentPart;
import org.docx4j.openpackaging.parts.WordprocessingML.StyleDefinitionsPart;
import org.docx4j.relationships.Relationship;
import org.docx4j.wml.Br;
import org.docx4j.wml.CTBorder;
import org.docx4j.wml.CTCompat;
import org.docx4j.wml.CTCompatSetting;
import org.docx4j.wml.CTUcharHexNumber;
import org.docx4j.wml.FontFamily;
import org.docx4j.wml.FontPitch;
import org.docx4j.wml.Fonts;
import org.docx4j.wml.STPitch;
import org.docx4j.wml.CTHeight;
import org.docx4j.wml.CTLanguage;
import org.docx4j.wml.CTSettings;
import org.docx4j.wml.CTTblCellMar;
import org.docx4j.wml.CTTblLayoutType;
import org.docx4j.wml.CTVerticalJc;
import org.docx4j.wml.DocDefaults;
import org.docx4j.wml.FldChar;
import org.docx4j.wml.FooterReference;
import org.docx4j.wml.Ftr;
import org.docx4j.wml.HdrFtrRef;
import org.docx4j.wml.HpsMeasure;
import org.docx4j.wml.Jc;
import org.docx4j.wml.JcEnumeration;
import org.docx4j.wml.ObjectFactory;
import org.docx4j.wml.P;
import org.docx4j.wml.PPr;
import org.docx4j.wml.PPrBase;
import org.docx4j.wml.ParaRPr;
import org.docx4j.wml.R;
import org.docx4j.wml.RFonts;
import org.docx4j.wml.RPr;
import org.docx4j.wml.STBorder;
import org.docx4j.wml.STFldCharType;
import org.docx4j.wml.STHeightRule;
import org.docx4j.wml.STLineSpacingRule;
import org.docx4j.wml.STPageOrientation;
import org.docx4j.wml.STTblLayoutType;
import org.docx4j.wml.STVerticalJc;
import org.docx4j.wml.SectPr;
import org.docx4j.wml.Styles;
import org.docx4j.wml.Tbl;
import org.docx4j.wml.TblGrid;
import org.docx4j.wml.TblGridCol;
import org.docx4j.wml.TblPr;
import org.docx4j.wml.TblWidth;
import org.docx4j.wml.Tc;
import org.docx4j.wml.TcMar;
import org.docx4j.wml.TcPr;
import org.docx4j.wml.TcPrInner;
import org.docx4j.wml.Text;
import org.docx4j.wml.Tr;
import org.docx4j.wml.TrPr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * XHTML to WordprocessingML, built as docx4j objects: the small vocabulary the form templates use
 * (paragraphs, tables with column widths, spans and header rows, line breaks, bold, alignment) and the
 * part of their CSS that {@link Cascade} computes. Page size, orientation, margins and the page-number
 * footer come from the stylesheet's {@code @page} rule. Fonts are named, not embedded, with the family
 * in the East Asian slot, so that Word, WPS and LibreOffice use the machine's own 宋体 / 黑体.
 */
public final class DocxRenderer implements Renderer {
    private static final ObjectFactory WML = new ObjectFactory();
    private static final double TWIPS_PER_POINT = 20;
    /**
     * Zip entry time of every part, written as a DOS time only, so that the bytes do not depend on the host's
     * time zone (1980-01-01 00:00 would not do: it is the zip format's "before 1980" mark, for which Java adds
     * a zone-dependent extended timestamp).
     */
    private static final java.time.LocalDateTime FIXED_TIME = java.time.LocalDateTime.of(2000, 1, 1, 0, 0);
    private static final Pattern PAGE_SIZE = Pattern.compile("(?i)\\b(A3|A4|A5)\\b");
    private static final Pattern COLLAPSIBLE = Pattern.compile("[ \\t\\n\\r\\f]+");
    private static final Pattern NUMBER = Pattern.compile("[0-9.]+");
    private static final Pattern CONTENT_TOKEN = Pattern.compile("\"([^\"]*)\"|'([^']*)'|counter\\(\\s*(pages?)\\s*\\)");

    private final FontLibrary fonts;
    private final Cascades cascades = new Cascades();

    public DocxRenderer(FontLibrary fonts) {
        this.fonts = fonts;
    }

    @Override
    public OutputFormat format() {
        return OutputFormat.DOCX;
    }

    /** Loads docx4j's JAXB context now rather than on the first request. */
    public void warmUp() {
        org.docx4j.jaxb.Context.getWmlObjectFactory();
    }

    @Override
    public byte[] render(Document xhtml) {
        Cascade css = cascades.of(xhtml);
        Element body = (Element) xhtml.getElementsByTagName("body").item(0);
        Builder builder = new Builder(css);
        Map<String, String> bodyStyle = css.compute(body, Map.of());
        builder.blocks(body, bodyStyle);
        try {
            return pack(builder, css, bodyStyle);
        } catch (Docx4JException e) {
            throw new IllegalStateException("DOCX could not be written", e);
        }
    }

    // ---------------------------------------------------------------- package

    private byte[] pack(Builder builder, Cascade css, Map<String, String> bodyStyle) throws Docx4JException {
        WordprocessingMLPackage pkg = new WordprocessingMLPackage();
        MainDocumentPart main = new MainDocumentPart();
        pkg.addTargetPart(main);
        org.docx4j.wml.Document document = WML.createDocument();
        org.docx4j.wml.Body wmlBody = WML.createBody();
        document.setBody(wmlBody);
        wmlBody.getContent().addAll(builder.content);
        main.setJaxbElement(document);

        StyleDefinitionsPart styles = new StyleDefinitionsPart();
        styles.setJaxbElement(styles(bodyStyle));
        main.addTargetPart(styles);

        FontTablePart fontTable = new FontTablePart();
        fontTable.setJaxbElement(fontTable());
        main.addTargetPart(fontTable);

        DocumentSettingsPart settings = new DocumentSettingsPart();
        settings.setJaxbElement(settings());
        main.addTargetPart(settings);

        SectPr section = section(css.page());
        Map<String, String> footerBox = css.page().marginBoxes().get("bottom-center");
        FooterPart footer = null;
        if (footerBox != null && footerBox.containsKey("content")) {
            FooterPart footerPart = new FooterPart();
            footer = footerPart;
            footerPart.setJaxbElement(footer(builder, footerBox, bodyStyle));
            Relationship relationship = main.addTargetPart(footerPart);
            FooterReference reference = WML.createFooterReference();
            reference.setId(relationship.getId());
            reference.setType(HdrFtrRef.DEFAULT);
            section.getEGHdrFtrReferences().add(reference);
        }
        wmlBody.setSectPr(section);

        return write(pkg, main, List.of(main, styles, fontTable, settings), footer);
    }

    /**
     * Writes the package as a zip, each part marshalled straight into it, with fixed entry times: same
     * input, same bytes.
     */
    private static byte[] write(WordprocessingMLPackage pkg, MainDocumentPart main,
                                List<org.docx4j.openpackaging.parts.JaxbXmlPart<?>> parts, FooterPart footer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(32 * 1024);
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            OutputStream entry = new FilterOutputStream(zip) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                }

                @Override
                public void close() {
                    // the zip stays open for the next part
                }
            };
            open(zip, "[Content_Types].xml");
            pkg.getContentTypeManager().marshal(entry);
            open(zip, "_rels/.rels");
            pkg.getRelationshipsPart().marshal(entry);
            open(zip, "word/_rels/document.xml.rels");
            main.getRelationshipsPart().marshal(entry);
            List<org.docx4j.openpackaging.parts.JaxbXmlPart<?>> all = new ArrayList<>(parts);
            if (footer != null) {
                all.add(footer);
            }
            for (org.docx4j.openpackaging.parts.JaxbXmlPart<?> part : all) {
                open(zip, part.getPartName().getName().substring(1));
                part.marshal(entry);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (jakarta.xml.bind.JAXBException e) {
            throw new IllegalStateException("DOCX could not be written", e);
        }
        return bytes.toByteArray();
    }

    private static void open(ZipOutputStream zip, String name) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTimeLocal(FIXED_TIME);
        zip.putNextEntry(entry);
    }

    private Styles styles(Map<String, String> bodyStyle) {
        Styles styles = WML.createStyles();
        DocDefaults defaults = WML.createDocDefaults();
        DocDefaults.RPrDefault rPrDefault = WML.createDocDefaultsRPrDefault();
        RPr rPr = WML.createRPr();
        rPr.setRFonts(fonts(bodyStyle));
        rPr.setSz(halfPoints(bodyStyle));
        rPr.setSzCs(halfPoints(bodyStyle));
        CTLanguage language = WML.createCTLanguage();
        language.setVal("zh-CN");
        language.setEastAsia("zh-CN");
        rPr.setLang(language);
        rPrDefault.setRPr(rPr);
        defaults.setRPrDefault(rPrDefault);
        DocDefaults.PPrDefault pPrDefault = WML.createDocDefaultsPPrDefault();
        PPr pPr = WML.createPPr();
        PPrBase.Spacing spacing = WML.createPPrBaseSpacing();
        spacing.setBefore(BigInteger.ZERO);
        spacing.setAfter(BigInteger.ZERO);
        pPr.setSpacing(spacing);
        pPrDefault.setPPr(pPr);
        defaults.setPPrDefault(pPrDefault);
        styles.setDocDefaults(defaults);
        return styles;
    }

    /** Names the template fonts with their other names and kinds, so that a machine without them substitutes alike. */
    private Fonts fontTable() {
        Fonts table = WML.createFonts();
        for (FontLibrary.Family family : fonts.families()) {
            Fonts.Font font = WML.createFontsFont();
            font.setName(family.name());
            if (!family.docxAltName().isEmpty()) {
                Fonts.Font.AltName altName = WML.createFontsFontAltName();
                altName.setVal(family.docxAltName());
                font.setAltName(altName);
            }
            FontFamily generic = WML.createFontFamily();
            generic.setVal(family.docxGeneric());
            font.setFamily(generic);
            CTUcharHexNumber charset = WML.createCTUcharHexNumber();
            charset.setVal("86");
            font.setCharset(charset);
            FontPitch pitch = WML.createFontPitch();
            pitch.setVal(STPitch.VARIABLE);
            font.setPitch(pitch);
            table.getFont().add(font);
        }
        return table;
    }

    /** Word 2013+ layout, so that a table's left edge sits on the margin as in the PDF. */
    private static CTSettings settings() {
        CTSettings settings = WML.createCTSettings();
        CTCompat compat = WML.createCTCompat();
        CTCompatSetting mode = WML.createCTCompatSetting();
        mode.setName("compatibilityMode");
        mode.setUri("http://schemas.microsoft.com/office/word");
        mode.setVal("15");
        compat.getCompatSetting().add(mode);
        settings.setCompat(compat);
        return settings;
    }

    private static SectPr section(Stylesheet.Page page) {
        Map<String, String> declarations = page.declarations();
        String size = declarations.getOrDefault("size", "A4 portrait");
        double widthMm = 210;
        double heightMm = 297;
        Matcher matcher = PAGE_SIZE.matcher(size);
        if (matcher.find()) {
            switch (matcher.group(1).toUpperCase(Locale.ROOT)) {
                case "A3" -> {
                    widthMm = 297;
                    heightMm = 420;
                }
                case "A5" -> {
                    widthMm = 148;
                    heightMm = 210;
                }
                default -> {
                }
            }
        }
        boolean landscape = size.toLowerCase(Locale.ROOT).contains("landscape");
        SectPr section = WML.createSectPr();
        SectPr.PgSz pgSz = WML.createSectPrPgSz();
        pgSz.setW(twips(mm(landscape ? heightMm : widthMm)));
        pgSz.setH(twips(mm(landscape ? widthMm : heightMm)));
        if (landscape) {
            pgSz.setOrient(STPageOrientation.LANDSCAPE);
        }
        section.setPgSz(pgSz);
        SectPr.PgMar pgMar = WML.createSectPrPgMar();
        double top = Lengths.points(declarations.getOrDefault("margin-top", "20mm"), 12);
        double bottom = Lengths.points(declarations.getOrDefault("margin-bottom", "20mm"), 12);
        pgMar.setTop(twips(top));
        pgMar.setBottom(twips(bottom));
        pgMar.setLeft(twips(Lengths.points(declarations.getOrDefault("margin-left", "20mm"), 12)));
        pgMar.setRight(twips(Lengths.points(declarations.getOrDefault("margin-right", "20mm"), 12)));
        pgMar.setHeader(twips(top / 2));
        pgMar.setFooter(twips(bottom * 0.4));
        pgMar.setGutter(BigInteger.ZERO);
        section.setPgMar(pgMar);
        return section;
    }

    /** The page-number line: {@code content: "第 " counter(page) " 页 共 " counter(pages) " 页"}. */
    private Ftr footer(Builder builder, Map<String, String> box, Map<String, String> bodyStyle) {
        Map<String, String> style = new HashMap<>(bodyStyle);
        style.putAll(box);
        style.putIfAbsent("text-align", "center");
        Ftr footer = WML.createFtr();
        P paragraph = paragraph(style);
        Matcher token = CONTENT_TOKEN.matcher(box.get("content"));
        while (token.find()) {
            if (token.group(3) != null) {
                field(builder, paragraph, token.group(3).equals("page") ? "PAGE" : "NUMPAGES", style);
            } else {
                String text = token.group(1) != null ? token.group(1) : token.group(2);
                paragraph.getContent().add(builder.run(text, style, true));
            }
        }
        footer.getContent().add(paragraph);
        return footer;
    }

    /** A complex field with a cached result, which Word and LibreOffice update when they lay out pages. */
    private void field(Builder builder, P paragraph, String instruction, Map<String, String> style) {
        paragraph.getContent().add(fieldChar(STFldCharType.BEGIN, style));
        R instr = WML.createR();
        instr.setRPr(runProperties(style));
        Text text = WML.createText();
        text.setValue(" " + instruction + " ");
        text.setSpace("preserve");
        instr.getContent().add(WML.createRInstrText(text));
        paragraph.getContent().add(instr);
        paragraph.getContent().add(fieldChar(STFldCharType.SEPARATE, style));
        paragraph.getContent().add(builder.run("1", style, false));
        paragraph.getContent().add(fieldChar(STFldCharType.END, style));
    }

    private R fieldChar(STFldCharType type, Map<String, String> style) {
        R run = WML.createR();
        run.setRPr(runProperties(style));
        FldChar fldChar = WML.createFldChar();
        fldChar.setFldCharType(type);
        run.getContent().add(WML.createRFldChar(fldChar));
        return run;
    }

    // ---------------------------------------------------------------- blocks

    /** Walks the XHTML body and collects body content (paragraphs and tables) in order. */
    private final class Builder {
        private final Cascade css;
        private final List<Object> content = new ArrayList<>();
        /** Texts whose spaces are the user's content, exempt from the trimming of collapsed whitespace. */
        private final java.util.Set<Text> verbatim = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        private boolean pageBreakPending;

        Builder(Cascade css) {
            this.css = css;
        }

        void blocks(Element container, Map<String, String> style) {
            for (Node child = container.getFirstChild(); child != null; child = child.getNextSibling()) {
                if (child instanceof Element element) {
                    String tag = Xhtml.tag(element);
                    if (tag.equals("style") || tag.equals("head") || tag.equals("title") || tag.equals("colgroup")) {
                        continue;
                    }
                    Map<String, String> childStyle = css.compute(element, style);
                    if ("always".equals(childStyle.get("page-break-before")) && !content.isEmpty()) {
                        pageBreakPending = true;
                    }
                    if (tag.equals("table")) {
                        if (pageBreakPending) {
                            P breaker = paragraph(Map.of("font-size", "1pt"));
                            breaker.getPPr().setPageBreakBefore(WML.createBooleanDefaultTrue());
                            content.add(breaker);
                            pageBreakPending = false;
                        } else if (!content.isEmpty() && content.get(content.size() - 1) instanceof Tbl) {
                            content.add(separator());
                        }
                        content.add(table(element, childStyle));
                    } else if (hasBlockChildren(element)) {
                        int first = content.size();
                        blocks(element, childStyle);
                        marginsOfContainer(first, childStyle);
                    } else {
                        P paragraph = paragraph(childStyle);
                        inline(element, childStyle, paragraph);
                        trimEdges(paragraph);
                        spacing(paragraph, childStyle);
                        if (pageBreakPending) {
                            paragraph.getPPr().setPageBreakBefore(WML.createBooleanDefaultTrue());
                            pageBreakPending = false;
                        }
                        content.add(paragraph);
                    }
                } else if (child.getNodeType() == Node.TEXT_NODE && !child.getNodeValue().isBlank()) {
                    P paragraph = paragraph(style);
                    addText(paragraph, child.getNodeValue(), style);
                    content.add(paragraph);
                }
            }
        }

        /** A container's vertical margins go to the first and last paragraph it produced. */
        private void marginsOfContainer(int first, Map<String, String> style) {
            if (first >= content.size()) {
                return;
            }
            double fontSize = Lengths.points(style.getOrDefault("font-size", "10.5pt"), 12);
            double top = Lengths.points(style.getOrDefault("margin-top", "0"), fontSize);
            double bottom = Lengths.points(style.getOrDefault("margin-bottom", "0"), fontSize);
            if (top > 0 && content.get(first) instanceof P paragraph) {
                PPrBase.Spacing spacing = spacingOf(paragraph);
                spacing.setBefore(twips(top).add(spacing.getBefore() == null ? BigInteger.ZERO : spacing.getBefore()));
            }
            if (bottom > 0 && content.get(content.size() - 1) instanceof P paragraph) {
                PPrBase.Spacing spacing = spacingOf(paragraph);
                spacing.setAfter(twips(bottom).add(spacing.getAfter() == null ? BigInteger.ZERO : spacing.getAfter()));
            }
        }

        /** Word joins tables that touch; a hairline paragraph keeps them two, each with its own header. */
        private P separator() {
            P paragraph = paragraph(Map.of("font-size", "1pt"));
            PPrBase.Spacing spacing = WML.createPPrBaseSpacing();
            spacing.setBefore(BigInteger.ZERO);
            spacing.setAfter(BigInteger.ZERO);
            spacing.setLine(BigInteger.valueOf(20));
            spacing.setLineRule(STLineSpacingRule.EXACT);
            paragraph.getPPr().setSpacing(spacing);
            return paragraph;
        }

        private Tbl table(Element table, Map<String, String> tableStyle) {
            List<Long> columns = new ArrayList<>();
            List<Element> rows = new ArrayList<>();
            List<Boolean> header = new ArrayList<>();
            List<Map<String, String>> rowStyles = new ArrayList<>();
            for (Node child = table.getFirstChild(); child != null; child = child.getNextSibling()) {
                if (!(child instanceof Element section)) {
                    continue;
                }
                Map<String, String> sectionStyle = css.compute(section, tableStyle);
                switch (Xhtml.tag(section)) {
                    case "colgroup" -> {
                        for (Element col : Xhtml.children(section, "col")) {
                            Map<String, String> colStyle = css.compute(col, sectionStyle);
                            columns.add(twips(Lengths.points(colStyle.getOrDefault("width", "20mm"), 12)).longValue());
                        }
                    }
                    case "thead", "tbody", "tfoot" -> {
                        for (Element row : XhtmlTables.rows(section)) {
                            rows.add(row);
                            header.add(Xhtml.tag(section).equals("thead"));
                            rowStyles.add(css.compute(row, sectionStyle));
                        }
                    }
                    case "tr" -> {
                        rows.add(section);
                        header.add(false);
                        rowStyles.add(sectionStyle);
                    }
                    default -> {
                    }
                }
            }
            if (columns.isEmpty()) {
                throw new IllegalStateException("a table needs <colgroup> with <col style=\"width: …mm\"> for the DOCX");
            }
            Tbl tbl = WML.createTbl();
            tbl.setTblPr(tableProperties(columns));
            TblGrid grid = WML.createTblGrid();
            for (Long width : columns) {
                TblGridCol col = WML.createTblGridCol();
                col.setW(BigInteger.valueOf(width));
                grid.getGridCol().add(col);
            }
            tbl.setTblGrid(grid);

            List<List<XhtmlTables.Slot>> slots = XhtmlTables.slots(rows);
            Map<Element, Map<String, String>> cellStyles = new java.util.IdentityHashMap<>();
            for (int r = 0; r < rows.size(); r++) {
                Map<String, String> rowStyle = rowStyles.get(r);
                Tr tr = WML.createTr();
                tr.setTrPr(rowProperties(rowStyle, rowHeight(rows.get(r), rowStyle), header.get(r)));
                for (XhtmlTables.Slot slot : slots.get(r)) {
                    int colspan = XhtmlTables.colspan(slot.cell());
                    long width = width(columns, slot.column(), colspan);
                    if (slot.continuation()) {
                        tr.getContent().add(continuation(cellStyles.get(slot.cell()), width, colspan));
                        continue;
                    }
                    Map<String, String> cellStyle = css.compute(slot.cell(), rowStyle);
                    cellStyles.put(slot.cell(), cellStyle);
                    Tc tc = cell(slot.cell(), cellStyle, width, colspan);
                    if (XhtmlTables.rowspan(slot.cell()) > 1) {
                        tc.getTcPr().setVMerge(vMerge("restart"));
                    }
                    if (keepsWithNext(rows, rowStyles, r)) {
                        keepWithNext(tc);
                    }
                    tr.getContent().add(tc);
                }
                tbl.getContent().add(tr);
            }
            return tbl;
        }

        /** Word's keep-with-next on a row: its own page-break-after: avoid, or the next row's page-break-before: avoid. */
        private boolean keepsWithNext(List<Element> rows, List<Map<String, String>> rowStyles, int r) {
            return "avoid".equals(rowStyles.get(r).get("page-break-after"))
                    || (r + 1 < rows.size() && "avoid".equals(rowStyles.get(r + 1).get("page-break-before")));
        }

        /** The CSS height of a row: its own, or the tallest of its cells (as a table lays it out). */
        private double rowHeight(Element row, Map<String, String> rowStyle) {
            double height = Lengths.points(rowStyle.getOrDefault("height", "0"), 12);
            for (Element cell : XhtmlTables.cells(row)) {
                Map<String, String> cellStyle = css.compute(cell, rowStyle);
                if (XhtmlTables.rowspan(cell) == 1) {
                    height = Math.max(height, Lengths.points(cellStyle.getOrDefault("height", "0"), 12));
                }
            }
            return height;
        }

        /** The cell of a row below the start of a rowspan: merged with the one above, empty. */
        private Tc continuation(Map<String, String> style, long width, int colspan) {
            Tc tc = WML.createTc();
            tc.setTcPr(cellProperties(style, width, colspan));
            tc.getTcPr().setVMerge(vMerge(null));
            tc.getContent().add(paragraph(style));
            return tc;
        }

        private Tc cell(Element cell, Map<String, String> style, long width, int colspan) {
            Tc tc = WML.createTc();
            tc.setTcPr(cellProperties(style, width, colspan));
            P current = null;
            for (Node child = cell.getFirstChild(); child != null; child = child.getNextSibling()) {
                if (child instanceof Element element && isBlock(element)) {
                    Map<String, String> blockStyle = css.compute(element, style);
                    P paragraph = paragraph(blockStyle);
                    inline(element, blockStyle, paragraph);
                    spacing(paragraph, blockStyle);
                    tc.getContent().add(paragraph);
                    current = null;
                } else if (current != null || !isInsignificantWhitespace(child, style)) {
                    if (current == null) {
                        current = paragraph(style);
                        tc.getContent().add(current);
                    }
                    inlineNode(child, style, current);
                }
            }
            if (tc.getContent().isEmpty()) {
                tc.getContent().add(paragraph(style));
            }
            for (Object paragraph : tc.getContent()) {
                trimEdges((P) paragraph);
            }
            return tc;
        }

        private void inline(Element element, Map<String, String> style, P paragraph) {
            for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
                inlineNode(child, style, paragraph);
            }
        }

        private void inlineNode(Node node, Map<String, String> style, P paragraph) {
            if (node.getNodeType() == Node.TEXT_NODE || node.getNodeType() == Node.CDATA_SECTION_NODE) {
                addText(paragraph, node.getNodeValue(), style);
            } else if (node instanceof Element element) {
                if (Xhtml.tag(element).equals("br")) {
                    R run = WML.createR();
                    run.setRPr(runProperties(style));
                    run.getContent().add(new Br());
                    paragraph.getContent().add(run);
                } else {
                    inline(element, css.compute(element, style), paragraph);
                }
            }
        }

        private void addText(P paragraph, String text, Map<String, String> style) {
            String whiteSpace = style.getOrDefault("white-space", "normal");
            if (whiteSpace.startsWith("pre")) {
                String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
                for (int i = 0; i < lines.length; i++) {
                    if (i > 0) {
                        R br = WML.createR();
                        br.setRPr(runProperties(style));
                        br.getContent().add(new Br());
                        paragraph.getContent().add(br);
                    }
                    String[] pieces = lines[i].split("\t", -1);
                    for (int j = 0; j < pieces.length; j++) {
                        if (j > 0) {
                            R tab = WML.createR();
                            tab.setRPr(runProperties(style));
                            tab.getContent().add(WML.createRTab(WML.createRTab()));
                            paragraph.getContent().add(tab);
                        }
                        if (!pieces[j].isEmpty()) {
                            paragraph.getContent().add(run(pieces[j], style, true));
                        }
                    }
                }
            } else {
                String collapsed = COLLAPSIBLE.matcher(text).replaceAll(" ");
                if (!collapsed.isEmpty()) {
                    paragraph.getContent().add(run(collapsed, style, false));
                }
            }
        }

        /** Removes the whitespace that HTML would not show at the start and end of a collapsed paragraph. */
        private void trimEdges(P paragraph) {
            List<Object> runs = paragraph.getContent();
            if (!runs.isEmpty() && runs.get(0) instanceof R first) {
                Text text = text(first);
                if (text != null && !verbatim.contains(text)) {
                    text.setValue(text.getValue().stripLeading());
                }
            }
            if (!runs.isEmpty() && runs.get(runs.size() - 1) instanceof R last) {
                Text text = text(last);
                if (text != null && !verbatim.contains(text)) {
                    text.setValue(text.getValue().stripTrailing());
                }
            }
            runs.removeIf(o -> o instanceof R r && text(r) != null && text(r).getValue().isEmpty() && r.getContent().size() == 1);
        }

        /** A run of text; {@code userWhitespace} marks text whose spaces are content and must not be trimmed. */
        private R run(String value, Map<String, String> style, boolean userWhitespace) {
            R run = WML.createR();
            run.setRPr(runProperties(style));
            Text text = WML.createText();
            text.setValue(value);
            text.setSpace("preserve");
            if (userWhitespace) {
                verbatim.add(text);
            }
            run.getContent().add(WML.createRT(text));
            return run;
        }
    }

    // ---------------------------------------------------------------- text

    private static Text text(R run) {
        for (Object o : run.getContent()) {
            if (o instanceof jakarta.xml.bind.JAXBElement<?> element && element.getValue() instanceof Text text
                    && element.getName().getLocalPart().equals("t")) {
                return text;
            }
        }
        return null;
    }

    private RPr runProperties(Map<String, String> style) {
        RPr rPr = WML.createRPr();
        rPr.setRFonts(fonts(style));
        if (isBold(style)) {
            rPr.setB(WML.createBooleanDefaultTrue());
            rPr.setBCs(WML.createBooleanDefaultTrue());
        }
        HpsMeasure size = halfPoints(style);
        rPr.setSz(size);
        rPr.setSzCs(size);
        return rPr;
    }

    private RFonts fonts(Map<String, String> style) {
        RFonts rFonts = WML.createRFonts();
        String family = family(style.getOrDefault("font-family", ""));
        String latin = fonts.family(family).map(FontLibrary.Family::docxLatin).filter(s -> !s.isEmpty()).orElse(family);
        rFonts.setEastAsia(family);
        rFonts.setAscii(latin);
        rFonts.setHAnsi(latin);
        rFonts.setCs(latin);
        rFonts.setHint(org.docx4j.wml.STHint.EAST_ASIA);
        return rFonts;
    }

    /** The first family of a font-family list that the font library knows; the first one otherwise. */
    private String family(String fontFamily) {
        String first = null;
        for (String candidate : fontFamily.split(",")) {
            String name = candidate.trim().replaceAll("^[\"']|[\"']$", "");
            if (name.isEmpty()) {
                continue;
            }
            if (first == null) {
                first = name;
            }
            if (fonts.family(name).isPresent()) {
                return name;
            }
        }
        return first == null ? "宋体" : first;
    }

    private static boolean isBold(Map<String, String> style) {
        String weight = style.getOrDefault("font-weight", "normal");
        return weight.equals("bold") || weight.equals("bolder") || (weight.matches("\\d+") && Integer.parseInt(weight) >= 600);
    }

    private static HpsMeasure halfPoints(Map<String, String> style) {
        HpsMeasure measure = WML.createHpsMeasure();
        double points = Lengths.points(style.getOrDefault("font-size", "10.5pt"), 12);
        measure.setVal(BigInteger.valueOf(Math.round(points * 2)));
        return measure;
    }

    // ---------------------------------------------------------------- paragraphs

    private P paragraph(Map<String, String> style) {
        P paragraph = WML.createP();
        PPr pPr = WML.createPPr();
        String align = style.getOrDefault("text-align", "left");
        Jc jc = WML.createJc();
        jc.setVal(switch (align) {
            case "center" -> JcEnumeration.CENTER;
            case "right" -> JcEnumeration.RIGHT;
            case "justify" -> JcEnumeration.BOTH;
            default -> JcEnumeration.LEFT;
        });
        pPr.setJc(jc);
        String lineHeight = style.get("line-height");
        if (lineHeight != null && !lineHeight.equals("normal")) {
            PPrBase.Spacing spacing = WML.createPPrBaseSpacing();
            // Exact, as in CSS: a multiple of the font size, not of the font's own line gap, which differs
            // between the 宋体 of one machine and the next.
            double fontSize = Lengths.points(style.getOrDefault("font-size", "10.5pt"), 12);
            double points = NUMBER.matcher(lineHeight).matches() ? Double.parseDouble(lineHeight) * fontSize
                    : Lengths.points(lineHeight, fontSize);
            spacing.setLine(twips(points));
            spacing.setLineRule(STLineSpacingRule.EXACT);
            pPr.setSpacing(spacing);
        }
        ParaRPr mark = WML.createParaRPr();
        RPr runProperties = runProperties(style);
        mark.setRFonts(runProperties.getRFonts());
        mark.setSz(runProperties.getSz());
        mark.setSzCs(runProperties.getSzCs());
        pPr.setRPr(mark);
        if ("avoid".equals(style.get("page-break-after"))) {
            pPr.setKeepNext(WML.createBooleanDefaultTrue());
        }
        paragraph.setPPr(pPr);
        return paragraph;
    }

    private static PPrBase.Spacing spacingOf(P paragraph) {
        PPrBase.Spacing spacing = paragraph.getPPr().getSpacing();
        if (spacing == null) {
            spacing = WML.createPPrBaseSpacing();
            paragraph.getPPr().setSpacing(spacing);
        }
        return spacing;
    }

    private static void spacing(P paragraph, Map<String, String> style) {
        double fontSize = Lengths.points(style.getOrDefault("font-size", "10.5pt"), 12);
        double before = Lengths.points(style.getOrDefault("margin-top", "0"), fontSize)
                + Lengths.points(style.getOrDefault("padding-top", "0"), fontSize);
        double after = Lengths.points(style.getOrDefault("margin-bottom", "0"), fontSize)
                + Lengths.points(style.getOrDefault("padding-bottom", "0"), fontSize);
        if (before == 0 && after == 0) {
            return;
        }
        PPrBase.Spacing spacing = spacingOf(paragraph);
        spacing.setBefore(twips(before));
        spacing.setAfter(twips(after));
    }

    private static void keepWithNext(Tc tc) {
        for (Object o : tc.getContent()) {
            if (o instanceof P paragraph) {
                paragraph.getPPr().setKeepNext(WML.createBooleanDefaultTrue());
            }
        }
    }

    // ---------------------------------------------------------------- tables

    private static TblPr tableProperties(List<Long> columns) {
        TblPr tblPr = WML.createTblPr();
        TblWidth width = WML.createTblWidth();
        width.setType("dxa");
        width.setW(BigInteger.valueOf(columns.stream().mapToLong(Long::longValue).sum()));
        tblPr.setTblW(width);
        CTTblLayoutType layout = WML.createCTTblLayoutType();
        layout.setType(STTblLayoutType.FIXED);
        tblPr.setTblLayout(layout);
        TblWidth indent = WML.createTblWidth();
        indent.setType("dxa");
        indent.setW(BigInteger.ZERO);
        tblPr.setTblInd(indent);
        CTTblCellMar margins = WML.createCTTblCellMar();
        margins.setLeft(zero());
        margins.setRight(zero());
        tblPr.setTblCellMar(margins);
        return tblPr;
    }

    private static TblWidth zero() {
        TblWidth width = WML.createTblWidth();
        width.setType("dxa");
        width.setW(BigInteger.ZERO);
        return width;
    }

    private static TrPr rowProperties(Map<String, String> style, double height, boolean header) {
        TrPr trPr = WML.createTrPr();
        if ("avoid".equals(style.get("page-break-inside")) || header) {
            trPr.getCnfStyleOrDivIdOrGridBefore().add(WML.createCTTrPrBaseCantSplit(WML.createBooleanDefaultTrue()));
        }
        if (height > 0) {
            CTHeight trHeight = WML.createCTHeight();
            trHeight.setVal(twips(height));
            trHeight.setHRule(STHeightRule.AT_LEAST);
            trPr.getCnfStyleOrDivIdOrGridBefore().add(WML.createCTTrPrBaseTrHeight(trHeight));
        }
        if (header) {
            trPr.getCnfStyleOrDivIdOrGridBefore().add(WML.createCTTrPrBaseTblHeader(WML.createBooleanDefaultTrue()));
        }
        return trPr;
    }

    private static TcPr cellProperties(Map<String, String> style, long width, int colspan) {
        TcPr tcPr = WML.createTcPr();
        TblWidth tcW = WML.createTblWidth();
        tcW.setType("dxa");
        tcW.setW(BigInteger.valueOf(width));
        tcPr.setTcW(tcW);
        if (colspan > 1) {
            TcPrInner.GridSpan gridSpan = WML.createTcPrInnerGridSpan();
            gridSpan.setVal(BigInteger.valueOf(colspan));
            tcPr.setGridSpan(gridSpan);
        }
        TcPrInner.TcBorders borders = WML.createTcPrInnerTcBorders();
        borders.setTop(border(style, "top"));
        borders.setLeft(border(style, "left"));
        borders.setBottom(border(style, "bottom"));
        borders.setRight(border(style, "right"));
        tcPr.setTcBorders(borders);
        double fontSize = Lengths.points(style.getOrDefault("font-size", "10.5pt"), 12);
        TcMar margins = WML.createTcMar();
        margins.setTop(padding(style, "top", fontSize));
        margins.setLeft(padding(style, "left", fontSize));
        margins.setBottom(padding(style, "bottom", fontSize));
        margins.setRight(padding(style, "right", fontSize));
        tcPr.setTcMar(margins);
        CTVerticalJc vAlign = WML.createCTVerticalJc();
        vAlign.setVal(switch (style.getOrDefault("vertical-align", "middle")) {
            case "top" -> STVerticalJc.TOP;
            case "bottom" -> STVerticalJc.BOTTOM;
            default -> STVerticalJc.CENTER;
        });
        tcPr.setVAlign(vAlign);
        return tcPr;
    }

    private static TblWidth padding(Map<String, String> style, String side, double fontSize) {
        TblWidth width = WML.createTblWidth();
        width.setType("dxa");
        width.setW(twips(Lengths.points(style.getOrDefault("padding-" + side, "0"), fontSize)));
        return width;
    }

    private static CTBorder border(Map<String, String> style, String side) {
        CTBorder border = WML.createCTBorder();
        String kind = style.getOrDefault("border-" + side + "-style", "none");
        if (kind.equals("none") || kind.equals("hidden")) {
            border.setVal(STBorder.NIL);
            return border;
        }
        border.setVal(switch (kind) {
            case "dashed" -> STBorder.DASHED;
            case "dotted" -> STBorder.DOTTED;
            case "double" -> STBorder.DOUBLE;
            default -> STBorder.SINGLE;
        });
        double points = Lengths.points(style.getOrDefault("border-" + side + "-width", "medium"), 12);
        border.setSz(BigInteger.valueOf(Math.max(2, Math.round(points * 8))));
        border.setSpace(BigInteger.ZERO);
        String color = style.getOrDefault("border-" + side + "-color", "#000000");
        border.setColor(color.startsWith("#") && color.length() == 7 ? color.substring(1).toUpperCase(Locale.ROOT) : "000000");
        return border;
    }

    private static TcPrInner.VMerge vMerge(String value) {
        TcPrInner.VMerge merge = WML.createTcPrInnerVMerge();
        if (value != null) {
            merge.setVal(value);
        }
        return merge;
    }

    private static long width(List<Long> columns, int from, int span) {
        long width = 0;
        for (int i = from; i < Math.min(columns.size(), from + span); i++) {
            width += columns.get(i);
        }
        return width;
    }

    // ---------------------------------------------------------------- DOM helpers

    private static final java.util.Set<String> BLOCKS = java.util.Set.of("p", "div", "section", "table", "h1", "h2",
            "h3", "h4", "h5", "h6", "header", "footer", "article", "main", "ul", "ol", "li");

    private static boolean isBlock(Element element) {
        return BLOCKS.contains(Xhtml.tag(element));
    }

    /** Whitespace between blocks, which HTML does not show. */
    private static boolean isInsignificantWhitespace(Node node, Map<String, String> style) {
        return node.getNodeType() == Node.TEXT_NODE && node.getNodeValue().isBlank()
                && !style.getOrDefault("white-space", "normal").startsWith("pre");
    }

    private static boolean hasBlockChildren(Element element) {
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e && isBlock(e)) {
                return true;
            }
        }
        return false;
    }

    private static double mm(double millimetres) {
        return millimetres * 72 / 25.4;
    }

    private static BigInteger twips(double points) {
        return BigInteger.valueOf(Math.round(points * TWIPS_PER_POINT));
    }
}
