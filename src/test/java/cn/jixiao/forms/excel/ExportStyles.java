package cn.jixiao.forms.excel;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * Target tables laid out as budget systems export them, made here: the rows of a sheet as texts, amounts
 * written as numbers formatted #,##0.00 (as exports write them), everything else as text.
 */
final class ExportStyles {
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    private ExportStyles() {
    }

    /** Units, each of three projects: name, amounts (fiscal, other) and three indicators in the style given. */
    record Project(String unit, String name, String fiscal, String other, String goal) {
        String total() {
            return new BigDecimal(fiscal).add(new BigDecimal(other)).toPlainString();
        }
    }

    /** The nine projects of three units the tests read: 三个资金使用单位, three projects each. */
    static final List<Project> NINE = List.of(
            new Project("某区疾病预防控制中心", "免疫规划", "120.00", "30.50", "完成全年免疫接种任务"),
            new Project("某区疾病预防控制中心", "慢病防控", "80.00", "0", "开展慢病筛查与随访"),
            new Project("某区疾病预防控制中心", "职业健康体检", "45.25", "10.00", "完成重点人群职业健康体检"),
            new Project("某区妇幼保健院", "孕产妇保健", "66.00", "0", "孕产妇系统管理"),
            new Project("某区妇幼保健院", "儿童保健", "58.40", "5.60", "儿童健康管理"),
            new Project("某区妇幼保健院", "出生缺陷防治", "30.00", "12.00", "开展出生缺陷筛查"),
            new Project("某区卫生监督所", "卫生监督执法", "90.00", "0", "完成年度监督检查计划"),
            new Project("某区卫生监督所", "执法装备购置", "25.00", "0", "更新执法装备"),
            new Project("某区卫生监督所", "法制宣传", "8.80", "1.20", "开展卫生法制宣传"));

    /** A sheet's rows as texts: a number is written as a number formatted #,##0.00; "" leaves the cell out. */
    static void rows(Sheet sheet, int first, List<String[]> rows) {
        Workbook workbook = sheet.getWorkbook();
        CellStyle money = workbook.createCellStyle();
        money.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
        for (int r = 0; r < rows.size(); r++) {
            Row row = sheet.createRow(first + r);
            String[] cells = rows.get(r);
            for (int c = 0; c < cells.length; c++) {
                if (cells[c].isEmpty()) {
                    continue;
                }
                if (NUMBER.matcher(cells[c]).matches()) {
                    row.createCell(c).setCellValue(Double.parseDouble(cells[c]));
                    row.getCell(c).setCellStyle(money);
                } else {
                    row.createCell(c).setCellValue(cells[c]);
                }
            }
        }
    }

    /** One workbook of one sheet. */
    static byte[] workbook(String sheetName, Consumer<Sheet> content) {
        return BrokenWorkbooks.xlsx(workbook -> content.accept(workbook.createSheet(sheetName)));
    }

    /** Three indicators of a project, composed as {@code 1-产出指标-数量指标-<name>人次:≥<n>人次;2-…}. */
    static String dashed(Project project) {
        return "1-产出指标-数量指标-" + project.name() + "服务人次:≥1200人次;2-效益指标-社会效益指标-群众健康水平:逐步提高;"
                + "3-满意度指标-服务对象满意度指标-群众满意度:≥90%";
    }

    /**
     * The export: title; 单位名称 and 单位：万元; the header 项目名称 | 资金使用单位 | 年度资金总额 | 财政拨款 |
     * 其他资金 | 年度目标 | 绩效指标; a 合计 row; the nine projects, indicators composed with dashes.
     * {@code totalOff}: added to the 合计 of 年度资金总额.
     */
    static byte[] nineProjects(String totalOff) {
        return workbook("项目支出绩效目标表", sheet -> {
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[]{"2025年项目支出绩效目标表"});
            rows.add(new String[]{"单位名称：某区卫生健康局", "", "", "", "", "", "单位：万元"});
            rows.add(new String[]{"项目名称", "资金使用单位", "年度资金总额", "财政拨款", "其他资金", "年度目标", "绩效指标"});
            BigDecimal total = BigDecimal.ZERO;
            BigDecimal fiscal = BigDecimal.ZERO;
            BigDecimal other = BigDecimal.ZERO;
            for (Project p : NINE) {
                total = total.add(new BigDecimal(p.total()));
                fiscal = fiscal.add(new BigDecimal(p.fiscal()));
                other = other.add(new BigDecimal(p.other()));
            }
            rows.add(new String[]{"合计", "", total.add(new BigDecimal(totalOff)).toPlainString(), fiscal.toPlainString(),
                    other.toPlainString()});
            for (Project p : NINE) {
                rows.add(new String[]{p.name(), p.unit(), p.total(), p.fiscal(), p.other().equals("0") ? "" : p.other(), p.goal(),
                        dashed(p)});
            }
            rows(sheet, 0, rows);
        });
    }
}
