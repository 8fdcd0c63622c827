package cn.jixiao.forms.render.docx;

import static cn.jixiao.forms.render.docx.DocxRenderer.WML;

import cn.jixiao.forms.render.Interrupts;
import cn.jixiao.forms.render.XhtmlTables;
import cn.jixiao.forms.render.XhtmlTables.Row;
import cn.jixiao.forms.render.css.Border;
import cn.jixiao.forms.render.docx.ComputedStyles.CellStyle;
import cn.jixiao.forms.render.docx.ComputedStyles.PageBreaks;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.docx4j.wml.CTBorder;
import org.docx4j.wml.CTHeight;
import org.docx4j.wml.CTTblCellMar;
import org.docx4j.wml.CTTblLayoutType;
import org.docx4j.wml.CTVerticalJc;
import org.docx4j.wml.P;
import org.docx4j.wml.STBorder;
import org.docx4j.wml.STHeightRule;
import org.docx4j.wml.STTblLayoutType;
import org.docx4j.wml.STVerticalJc;
import org.docx4j.wml.Tbl;
import org.docx4j.wml.TblGrid;
import org.docx4j.wml.TblGridCol;
import org.docx4j.wml.TblPr;
import org.docx4j.wml.TblWidth;
import org.docx4j.wml.Tc;
import org.docx4j.wml.TcMar;
import org.docx4j.wml.TcPr;
import org.docx4j.wml.TcPrInner;
import org.docx4j.wml.Tr;
import org.docx4j.wml.TrPr;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * An XHTML table as a WordprocessingML table of fixed layout: the {@code <col>} widths in twips in both
 * the grid ({@code w:gridCol}, which WPS reads) and every cell ({@code w:tcW}; their sum is {@code w:tblW},
 * which Word reads); colspan and rowspan as {@code gridSpan} and {@code vMerge}; {@code thead} rows
 * repeated on every page. Only header rows and rows with {@code page-break-inside: avoid} get
 * {@code cantSplit}: on a row taller than a page LibreOffice would cut its text.
 */
final class TableBuilder {

    private final ComputedStyles styles;
    private final Paragraphs paragraphs;

    TableBuilder(ComputedStyles styles, Paragraphs paragraphs) {
        this.styles = styles;
        this.paragraphs = paragraphs;
    }

    Tbl table(Element table, Map<String, String> computed) {
        List<Long> columns = new ArrayList<>();
        XhtmlTables.columnWidths(table, computed, styles.cascade()).forEach(width -> columns.add(Twips.of(width).longValue()));
        List<Row> rows = XhtmlTables.rows(table, computed, styles.cascade());
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
        List<List<XhtmlTables.Slot>> slots = XhtmlTables.slots(rows.stream().map(Row::element).toList());
        Map<Element, Map<String, String>> cellStyles = new IdentityHashMap<>();
        for (int r = 0; r < rows.size(); r++) {
            Interrupts.check();
            Row row = rows.get(r);
            Tr tr = WML.createTr();
            tr.setTrPr(rowProperties(row));
            for (XhtmlTables.Slot slot : slots.get(r)) {
                int colspan = XhtmlTables.colspan(slot.cell());
                long width = width(columns, slot.column(), colspan);
                if (slot.continuation()) {
                    tr.getContent().add(continuation(cellStyles.get(slot.cell()), width, colspan));
                    continue;
                }
                Map<String, String> cellStyle = styles.compute(slot.cell(), row.computed());
                cellStyles.put(slot.cell(), cellStyle);
                Tc tc = cell(slot.cell(), cellStyle, width, colspan);
                if (XhtmlTables.rowspan(slot.cell()) > 1) {
                    tc.getTcPr().setVMerge(vMerge("restart"));
                }
                if (keepsWithNext(rows, r)) {
                    keepWithNext(tc);
                }
                tr.getContent().add(tc);
            }
            tbl.getContent().add(tr);
        }
        return tbl;
    }

    /** Word's keep-with-next on a row: its own page-break-after: avoid, or the next row's page-break-before: avoid. */
    private static boolean keepsWithNext(List<Row> rows, int r) {
        return ComputedStyles.pageBreaks(rows.get(r).computed()).keepWithNext()
                || (r + 1 < rows.size() && ComputedStyles.pageBreaks(rows.get(r + 1).computed()).keepWithPrevious());
    }

    private static void keepWithNext(Tc tc) {
        for (Object o : tc.getContent()) {
            if (o instanceof P paragraph) {
                paragraph.getPPr().setKeepNext(WML.createBooleanDefaultTrue());
            }
        }
    }

    private TrPr rowProperties(Row row) {
        TrPr trPr = WML.createTrPr();
        double height = rowHeight(row);
        if (ComputedStyles.pageBreaks(row.computed()).keepTogether() || row.header()) {
            trPr.getCnfStyleOrDivIdOrGridBefore().add(WML.createCTTrPrBaseCantSplit(WML.createBooleanDefaultTrue()));
        }
        if (height > 0) {
            CTHeight trHeight = WML.createCTHeight();
            trHeight.setVal(Twips.of(height));
            trHeight.setHRule(STHeightRule.AT_LEAST);
            trPr.getCnfStyleOrDivIdOrGridBefore().add(WML.createCTTrPrBaseTrHeight(trHeight));
        }
        if (row.header()) {
            trPr.getCnfStyleOrDivIdOrGridBefore().add(WML.createCTTrPrBaseTblHeader(WML.createBooleanDefaultTrue()));
        }
        return trPr;
    }

    /** The CSS height of a row: its own, or the tallest of its cells that span no rows (as a table lays it out). */
    private double rowHeight(Row row) {
        double height = ComputedStyles.height(row.computed());
        for (Element cell : XhtmlTables.cells(row.element())) {
            Map<String, String> cellStyle = styles.compute(cell, row.computed());
            if (XhtmlTables.rowspan(cell) == 1) {
                height = Math.max(height, ComputedStyles.height(cellStyle));
            }
        }
        return height;
    }

    /** The cell of a row below the start of a rowspan: merged with the one above, empty. */
    private Tc continuation(Map<String, String> computed, long width, int colspan) {
        Tc tc = WML.createTc();
        tc.setTcPr(cellProperties(styles.cell(computed), width, colspan));
        tc.getTcPr().setVMerge(vMerge(null));
        tc.getContent().add(paragraphs.paragraph(computed));
        return tc;
    }

    /** A cell: each block child a paragraph, and the inline content between blocks a paragraph of the cell's own. */
    private Tc cell(Element cell, Map<String, String> computed, long width, int colspan) {
        Tc tc = WML.createTc();
        tc.setTcPr(cellProperties(styles.cell(computed), width, colspan));
        P current = null;
        for (Node child = cell.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && Paragraphs.isBlock(element)) {
                tc.getContent().add(paragraphs.block(element, styles.compute(element, computed)));
                current = null;
            } else if (current != null || !paragraphs.isInsignificant(child, computed)) {
                if (current == null) {
                    current = paragraphs.paragraph(computed);
                    tc.getContent().add(current);
                }
                paragraphs.inline(child, computed, current);
            }
        }
        if (tc.getContent().isEmpty()) {
            tc.getContent().add(paragraphs.paragraph(computed));
        }
        for (Object paragraph : tc.getContent()) {
            paragraphs.trimEdges((P) paragraph);
        }
        return tc;
    }

    private static TblPr tableProperties(List<Long> columns) {
        TblPr tblPr = WML.createTblPr();
        tblPr.setTblW(dxa(columns.stream().mapToLong(Long::longValue).sum()));
        CTTblLayoutType layout = WML.createCTTblLayoutType();
        layout.setType(STTblLayoutType.FIXED);
        tblPr.setTblLayout(layout);
        tblPr.setTblInd(dxa(0));
        CTTblCellMar margins = WML.createCTTblCellMar();
        margins.setLeft(dxa(0));
        margins.setRight(dxa(0));
        tblPr.setTblCellMar(margins);
        return tblPr;
    }

    private static TcPr cellProperties(CellStyle style, long width, int colspan) {
        TcPr tcPr = WML.createTcPr();
        tcPr.setTcW(dxa(width));
        if (colspan > 1) {
            TcPrInner.GridSpan gridSpan = WML.createTcPrInnerGridSpan();
            gridSpan.setVal(BigInteger.valueOf(colspan));
            tcPr.setGridSpan(gridSpan);
        }
        TcPrInner.TcBorders borders = WML.createTcPrInnerTcBorders();
        borders.setTop(border(style.top()));
        borders.setLeft(border(style.left()));
        borders.setBottom(border(style.bottom()));
        borders.setRight(border(style.right()));
        tcPr.setTcBorders(borders);
        TcMar margins = WML.createTcMar();
        margins.setTop(dxa(Twips.of(style.paddingTop()).longValue()));
        margins.setLeft(dxa(Twips.of(style.paddingLeft()).longValue()));
        margins.setBottom(dxa(Twips.of(style.paddingBottom()).longValue()));
        margins.setRight(dxa(Twips.of(style.paddingRight()).longValue()));
        tcPr.setTcMar(margins);
        CTVerticalJc vAlign = WML.createCTVerticalJc();
        vAlign.setVal(switch (style.verticalAlign()) {
            case TOP -> STVerticalJc.TOP;
            case BOTTOM -> STVerticalJc.BOTTOM;
            case MIDDLE -> STVerticalJc.CENTER;
        });
        tcPr.setVAlign(vAlign);
        return tcPr;
    }

    private static CTBorder border(Border border) {
        CTBorder wml = WML.createCTBorder();
        if (border.style() == Border.Style.NONE) {
            wml.setVal(STBorder.NIL);
            return wml;
        }
        wml.setVal(switch (border.style()) {
            case DASHED -> STBorder.DASHED;
            case DOTTED -> STBorder.DOTTED;
            case DOUBLE -> STBorder.DOUBLE;
            case SOLID, NONE -> STBorder.SINGLE;
        });
        // Eighths of a point; a quarter point is the thinnest border WordprocessingML allows.
        wml.setSz(BigInteger.valueOf(Math.max(2, Math.round(border.width() * 8))));
        wml.setSpace(BigInteger.ZERO);
        wml.setColor(border.color());
        return wml;
    }

    private static TblWidth dxa(long twips) {
        TblWidth width = WML.createTblWidth();
        width.setType("dxa");
        width.setW(BigInteger.valueOf(twips));
        return width;
    }

    private static TcPrInner.VMerge vMerge(String value) {
        TcPrInner.VMerge merge = WML.createTcPrInnerVMerge();
        if (value != null) {
            merge.setVal(value);
        }
        return merge;
    }

    /** The width of {@code span} columns from {@code from}, in twips; columns past the grid count nothing. */
    private static long width(List<Long> columns, int from, int span) {
        long width = 0;
        for (int i = from; i < Math.min(columns.size(), from + span); i++) {
            width += columns.get(i);
        }
        return width;
    }
}
