package cn.jixiao.forms.form;

/**
 * How much one request may carry. Beyond a limit the request is refused with the limit's name and the
 * path, never half-rendered. Defaults suit the largest real forms with room to spare.
 *
 * @param bodyBytes   request body
 * @param forms       forms (projects) in a tracking document, projects in a target document
 * @param units       fund-using units in a target document
 * @param indicators  indicators of one project
 * @param fieldChars  characters (code points) of one text field
 * @param pages       pages of one rendered file
 * @param outputBytes bytes of one rendered file
 * @param batchBytes  request body of a batch
 * @param batchItems  items of a batch
 * @param workbookSheets sheets of an imported workbook
 * @param workbookRows   rows of one sheet of an imported workbook
 * @param workbookCells  cells of an imported workbook, all sheets together: what bounds the memory a read takes
 * @param workbookStrings     shared strings (distinct texts) of an imported workbook
 * @param workbookStringChars characters of those shared strings together
 * @param workbookStyles      style records of an imported workbook: cell formats, fonts, fills, borders, number formats
 * @param workbookMergedCells cells covered by merged areas, all sheets together
 */
public record Limits(int bodyBytes, int forms, int units, int indicators, int fieldChars, int pages, int outputBytes,
                     int batchBytes, int batchItems, int workbookSheets, int workbookRows, int workbookCells,
                     int workbookStrings, int workbookStringChars, int workbookStyles, int workbookMergedCells) {
    public static final Limits DEFAULT = new Limits(2 * 1024 * 1024, 200, 50, 100, 5000, 500, 50 * 1024 * 1024,
            32 * 1024 * 1024, 500, 255, 20_000, 50_000, 50_000, 5_000_000, 100_000, 1_000_000);

    /** The limits above with the workbook's strings, styles and merged areas at their defaults. */
    public Limits(int bodyBytes, int forms, int units, int indicators, int fieldChars, int pages, int outputBytes,
                  int batchBytes, int batchItems, int workbookSheets, int workbookRows, int workbookCells) {
        this(bodyBytes, forms, units, indicators, fieldChars, pages, outputBytes, batchBytes, batchItems, workbookSheets,
                workbookRows, workbookCells, DEFAULT.workbookStrings, DEFAULT.workbookStringChars, DEFAULT.workbookStyles,
                DEFAULT.workbookMergedCells);
    }

    /** The environment variable that sets a limit named in a schema's {@code x-limit}; null for none. */
    public static String environmentVariable(String limit) {
        if (limit == null) {
            return null;
        }
        return switch (limit) {
            case "forms" -> "JIXIAO_MAX_FORMS";
            case "units" -> "JIXIAO_MAX_UNITS";
            case "indicators" -> "JIXIAO_MAX_INDICATORS";
            case "fieldChars" -> "JIXIAO_MAX_FIELD_CHARS";
            case "pages" -> "JIXIAO_MAX_PAGES";
            case "outputBytes" -> "JIXIAO_MAX_OUTPUT_BYTES";
            case "workbookSheets" -> "JIXIAO_MAX_WORKBOOK_SHEETS";
            case "workbookRows" -> "JIXIAO_MAX_WORKBOOK_ROWS";
            case "workbookCells" -> "JIXIAO_MAX_WORKBOOK_CELLS";
            case "workbookStrings" -> "JIXIAO_MAX_WORKBOOK_STRINGS";
            case "workbookStringChars" -> "JIXIAO_MAX_WORKBOOK_STRING_CHARS";
            case "workbookStyles" -> "JIXIAO_MAX_WORKBOOK_STYLES";
            case "workbookMergedCells" -> "JIXIAO_MAX_WORKBOOK_MERGED_CELLS";
            default -> null;
        };
    }
}
