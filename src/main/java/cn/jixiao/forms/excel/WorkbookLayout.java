package cn.jixiao.forms.excel;

import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Workbook;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** How the documents of a form are laid out in a workbook: written, and read back. */
interface WorkbookLayout {
    /** Writes {@code document} into the workbook; null writes the empty form to fill in. */
    void write(Workbook workbook, CellStyles styles, JsonNode document);

    /** The document a workbook holds, its cells' problems and places noted in {@code reading}. */
    ObjectNode read(Workbook workbook, WorkbookReading reading);

    /** How to fill the workbook in, one line a point, for the sheet 填写说明. */
    List<String> instructions();

    /** The items of the array at {@code pointer}; for a template (no document) {@code blanks} empty ones. */
    static List<JsonNode> itemsOrBlanks(JsonNode parent, String pointer, int blanks) {
        List<JsonNode> items = new ArrayList<>();
        if (parent == null) {
            for (int i = 0; i < blanks; i++) {
                items.add(null);
            }
        } else {
            parent.at(pointer).forEach(items::add);
        }
        return items;
    }
}
