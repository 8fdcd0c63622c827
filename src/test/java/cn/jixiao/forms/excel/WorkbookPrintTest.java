package cn.jixiao.forms.excel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.forms.form.Json;
import cn.jixiao.forms.testing.Fidelity;
import cn.jixiao.forms.testing.Office;
import cn.jixiao.forms.testing.PdfDigest;
import cn.jixiao.forms.testing.TestServer;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * The workbooks handed out open in LibreOffice and print on A4 with their headers: each template and each
 * exported example is printed to PDF, checked for its headings and values, and its pages left as pictures
 * in {@code target/workbook-pages/} (pdftoppm, 60 dpi) for a person to look at.
 */
class WorkbookPrintTest {
    static List<String> forms() {
        return RoundTripTest.forms();
    }

    @Tag("office")
    @ParameterizedTest
    @MethodSource("forms")
    void theTemplatePrintsWithItsHeaders(String formId) throws Exception {
        Office.assumeCalc();
        HttpResponse<byte[]> response = TestServer.get("/api/v1/forms/" + formId + "/template.xlsx");
        assertEquals(200, response.statusCode());
        byte[] pdf = Office.convert(response.body(), "xlsx", "pdf");
        pictures(pdf, formId + "-template");
        String text = Fidelity.normalise(PdfDigest.text(pdf));
        for (String heading : headings(formId)) {
            assertTrue(text.contains(Fidelity.normalise(heading)), heading + " missing from the printed template: " + text);
        }
    }

    @Tag("office")
    @ParameterizedTest
    @MethodSource("forms")
    void theExportedExamplePrintsItsValues(String formId) throws Exception {
        Office.assumeCalc();
        byte[] pdf = Office.convert(RoundTripTest.exported(formId), "xlsx", "pdf");
        pictures(pdf, formId + "-export");
        String text = Fidelity.normalise(PdfDigest.text(pdf));
        Set<String> values = new LinkedHashSet<>();
        collect(Json.MAPPER.readTree(TestServer.example(formId)), values);
        List<String> missing = Fidelity.missing(values, text).stream().filter(value -> !shownAsPrinted(value, text)).toList();
        assertTrue(missing.isEmpty(), "values missing from the printed workbook: " + missing);
    }

    /** Every text of a document, as the workbook holds it. */
    private static void collect(JsonNode node, Set<String> values) {
        if (node.isString() && !node.asString().isBlank()) {
            values.add(node.asString());
        }
        node.forEach(child -> collect(child, values));
    }

    /** A date is shown as the form prints it: 2021-01-28, or 2021年1月28日. */
    private static boolean shownAsPrinted(String value, String text) {
        if (!value.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return false;
        }
        LocalDate date = LocalDate.parse(value);
        return text.contains(date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日");
    }

    private static List<String> headings(String formId) {
        return switch (formId) {
            case "performance-target" -> List.of("项目名称（资金使用单位）", "财政专户拨款", "一级指标", "实施周期指标值", "单位：万元", "合计");
            case "performance-tracking" -> List.of("项目支出绩效跟踪表", "当年预算数(元)", "是否需要预算调整", "一级目标", "纠偏措施");
            case "performance-monitoring" -> List.of("项目支出绩效目标执行监控表", "项目资金（万元）", "1-N月执行数", "全年预计执行数",
                    "偏差原因分析", "完成目标可能性");
            case "department-target" -> List.of("部门整体支出绩效目标申报表", "部门（单位）名称", "纳入专户管理的非税收入拨款", "年度主要任务",
                    "年度总体目标", "指标值");
            case "department-self-evaluation" -> List.of("部门整体支出绩效自评表", "预算资金（万元）", "一般公共预算", "基本支出", "偏差原因分析及改进措施");
            case "performance-self-evaluation-sichuan" -> List.of("项目支出绩效自评表", "预算执行情况（万元）", "调整后预算数", "指标性质", "度量单位",
                    "未完成原因分析", "项目负责人");
            default -> List.of("项目支出绩效自评表", "项目资金（万元）", "全年执行数", "偏差原因分析及改进措施");
        };
    }

    private static void pictures(byte[] pdf, String name) throws IOException, InterruptedException {
        Path dir = Files.createDirectories(Path.of("target", "workbook-pages"));
        Path file = dir.resolve(name + ".pdf");
        Files.write(file, pdf);
        Process process = new ProcessBuilder("pdftoppm", "-r", "60", "-png", file.toString(), dir.resolve(name).toString())
                .redirectErrorStream(true).start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS) && process.exitValue() == 0, "pdftoppm failed");
    }
}
