package cn.jixiao.forms.excel;

import cn.jixiao.forms.excel.FormShape.Field;
import cn.jixiao.forms.excel.PrintedSheet.Block;
import cn.jixiao.forms.form.RegisteredForm;
import cn.jixiao.forms.render.TemplateFailure;
import cn.jixiao.forms.render.Xhtml;
import cn.jixiao.forms.render.css.Cascade;
import cn.jixiao.forms.render.css.Lengths;
import cn.jixiao.forms.render.css.PageGeometry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The workbook of a form whose template marks its fields ({@link FieldMarks}): laid out like the printed form,
 * from the same XHTML as the PDF — a sheet for each page-broken part (each form of the list), its title lines
 * merged across, its tables as merged and bordered cells on one grid of columns, the page as the form's — with
 * each marked cell holding its field's value, and the {@link FieldMap} to read it back by.
 */
final class PrintedLayout {
    private static final Set<String> SKIPPED = Set.of("style", "head", "title", "colgroup", "bookmarks", "script");
    private static final Set<String> BLOCKS = Set.of("p", "div", "section", "table", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol");
    private static final Pattern FOOTER_TOKEN = Pattern.compile("\"([^\"]*)\"|'([^']*)'|counter\\(\\s*(pages?)\\s*\\)");
    private static final Pattern FORM_ITEM = Pattern.compile("^(/[^/]+/[0-9]+)(/.*)?$");
    private final SheetPerForm forms;
    private final PointerFields fields;

    private PrintedLayout(SheetPerForm forms) {
        this.forms = forms;
        this.fields = new PointerFields(forms.form());
    }

    /** The printed layout of a form whose document is a list of forms; empty for one of another shape. */
    static Optional<PrintedLayout> of(RegisteredForm form) {
        return SheetPerForm.of(form.schemaJson(), form.title(), form.definition().outline()).filter(SheetPerForm.class::isInstance)
                .map(layout -> new PrintedLayout((SheetPerForm) layout));
    }

    static List<String> instructions() {
        return List.of("本工作簿按印制的表样排版，每张表一个工作表：在格中填写或修改内容，上传导入，或直接生成 PDF / Word。",
                "栏目名、印出的文字和算出的数（年度资金总额、执行率、总分等）不导入：导入时按所填内容重新计算；改动了它们，导入结果会列出。",
                "指标表中可以插入行：新行按上一行的各栏读作一个新的指标；一级、二级指标填在新行中，或让新行落在合并的格中。",
                "金额填数字，不带单位；日期填 2021-08-31 或 2021年8月31日；「是/否」填 是 或 否；打勾的栏在对应的格中填 √。",
                "隐藏的工作表「" + FieldMap.SHEET + "」记着每一格是哪一栏，请不要删除或改动它；工作表可以改名、调换先后。");
    }

    /** Writes the document's sheets from its XHTML; the map of their cells, to be written once the other sheets are. */
    FieldMap write(Workbook workbook, CellStyles styles, JsonNode document, Document xhtml, Cascade cascade) {
        PageGeometry page = PageGeometry.of(cascade.page());
        SheetLooks looks = new SheetLooks(workbook);
        FieldMap map = new FieldMap();
        Set<String> taken = new HashSet<>(Set.of(Workbooks.INSTRUCTIONS.toLowerCase(Locale.ROOT), FieldMap.SHEET, "history"));
        List<List<Block>> sheets = sheets(xhtml, cascade);
        for (int i = 0; i < sheets.size(); i++) {
            List<Block> blocks = sheets.get(i);
            String item = blocks.isEmpty() ? "" : FieldMarks.item(blocks.get(0).element());
            JsonNode form = item.isEmpty() ? null : document.at(item);
            Sheet sheet = workbook.createSheet(forms.sheetName(form == null || form.isMissingNode() ? null : form, i, taken));
            PrintedSheet layout = new PrintedSheet(blocks, cascade, page.width() - page.left() - page.right(), this::field);
            double[] heights = new PrintedCells(sheet, looks, styles, document, this::field, map).write(layout);
            sheet.setDisplayGridlines(false);
            printSetUp(sheet, page, layout.repeated(), cascade.page().marginBoxes().get("bottom-center"));
            SheetPages.set(sheet, heights, layout.columns().width(0, layout.columns().count() - 1), layout.kept(), layout.repeated(), page);
        }
        return map;
    }

    /** The field of an absolute pointer a template marks; a pointer the schema does not have is the template's fault. */
    private Field field(String pointer) {
        Matcher item = FORM_ITEM.matcher(pointer);
        String relative = item.matches() && item.group(1).startsWith(forms.forms().pointer() + "/") && item.group(2) != null
                ? item.group(2) : pointer;
        return fields.of(relative).orElseThrow(() -> new TemplateFailure(FieldMarks.FIELD + " " + pointer
                + " names no field of the form's schema", null));
    }

    /** The blocks of the body, a list a sheet: a block that starts a page ({@code page-break-before: always}) starts a sheet. */
    static List<List<Block>> sheets(Document xhtml, Cascade cascade) {
        Element html = xhtml.getDocumentElement();
        Map<String, String> computed = cascade.compute(html, Map.of());
        List<List<Block>> sheets = new ArrayList<>();
        sheets.add(new ArrayList<>());
        for (Element body : Xhtml.children(html, "body")) {
            blocks(body, cascade.compute(body, computed), cascade, sheets);
        }
        sheets.removeIf(List::isEmpty);
        return sheets;
    }

    private static void blocks(Element container, Map<String, String> computed, Cascade cascade, List<List<Block>> sheets) {
        for (Node child = container.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (!(child instanceof Element element) || SKIPPED.contains(Xhtml.tag(element))) {
                continue;
            }
            Map<String, String> style = cascade.compute(element, computed);
            if ("always".equals(style.get("page-break-before")) && !sheets.get(sheets.size() - 1).isEmpty()) {
                sheets.add(new ArrayList<>());
            }
            if (!Xhtml.tag(element).equals("table") && hasBlocks(element)) {
                blocks(element, style, cascade, sheets);
            } else {
                sheets.get(sheets.size() - 1).add(new Block(element, style));
            }
        }
    }

    private static boolean hasBlocks(Element element) {
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element inner && BLOCKS.contains(Xhtml.tag(inner))) {
                return true;
            }
        }
        return false;
    }

    /** The form's page: its paper, orientation and margins, fitted to the page's width; the header rows atop every page; its page numbers. */
    private static void printSetUp(Sheet sheet, PageGeometry page, int[] repeated, Map<String, String> footer) {
        CellStyles.printSetUp(sheet, page.landscape(), repeated == null ? 0 : repeated[0], repeated == null ? 0 : repeated[1]);
        if (repeated == null) {
            sheet.setRepeatingRows(null);
        }
        double shorter = Math.min(page.width(), page.height());
        sheet.getPrintSetup().setPaperSize(shorter > Lengths.mm(250) ? PrintSetup.A3_PAPERSIZE
                : shorter < Lengths.mm(180) ? PrintSetup.A5_PAPERSIZE : PrintSetup.A4_PAPERSIZE);
        sheet.setMargin(Sheet.TopMargin, page.top() / 72);
        sheet.setMargin(Sheet.BottomMargin, page.bottom() / 72);
        sheet.setMargin(Sheet.LeftMargin, page.left() / 72);
        sheet.setMargin(Sheet.RightMargin, page.right() / 72);
        sheet.setMargin(Sheet.FooterMargin, page.bottom() * 0.4 / 72);
        if (footer != null && footer.containsKey("content")) {
            StringBuilder text = new StringBuilder();
            Matcher token = FOOTER_TOKEN.matcher(footer.get("content"));
            while (token.find()) {
                text.append(token.group(3) != null ? (token.group(3).equals("page") ? "&P" : "&N")
                        : (token.group(1) != null ? token.group(1) : token.group(2)).replace("&", "&&"));
            }
            sheet.getFooter().setCenter(text.toString());
        }
    }

    /** The document a workbook written with a map holds. */
    ObjectNode read(Workbook workbook, FieldMap.Read map, WorkbookReading reading) {
        return new PrintedReading(forms, fields, workbook, map, reading).document();
    }
}
