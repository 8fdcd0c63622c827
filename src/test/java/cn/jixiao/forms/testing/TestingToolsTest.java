package cn.jixiao.forms.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.approvaltests.core.VerifyResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checks the other tests rely on must be able to fail. */
class TestingToolsTest {

    @Test
    void fidelityFindsMissingFragmentsAndAcceptsOnesCutByAPageBreak() {
        String text = "预算单位 上海市闵行区肿瘤医院\n...第一部分内容到此为止\n第 2 页\n表头\n后半部分内容接着写完了";
        assertEquals(List.of("具体实施处"), Fidelity.missing(Set.of("预算单位", "具体实施处"), text));
        assertTrue(Fidelity.present(Fidelity.normalise(text), Fidelity.normalise("第一部分内容到此为止后半部分内容接着写完了")));
        assertFalse(Fidelity.present(Fidelity.normalise(text), Fidelity.normalise("后半部分内容接着写完了第一部分内容到此为止")));
        assertFalse(Fidelity.present(Fidelity.normalise(text), "上海市闵行区人民医院"));
    }

    @Test
    void fidelityReadsAmountsWithOrWithoutThousandsSeparators() {
        String text = "年度资金总额 861.10 2,030.12 1,925.67";
        assertEquals(List.of(), Fidelity.missing(Set.of("2030.12", "1,925.67", "861.10"), text));
        assertEquals(List.of("2030.13", "20,30.12"), Fidelity.missing(new LinkedHashSet<>(List.of("2030.13", "20,30.12")), text));
        assertEquals("金寨,衡山", Fidelity.normalise("金寨,衡山"));
    }

    @Test
    void seedCommentLinesAreNoFragments() {
        String seed = "# Source: a web page\n附件1\n项目名称\t办公楼改造\n #not a comment\n#\tnor this";
        assertEquals(Set.of("附件1", "项目名称", "办公楼改造", "#not a comment", "#", "nor this"), Fidelity.fragmentsOf(seed));
    }

    @Test
    void pagePicturesThatMovedFailAndLeaveADifference(@TempDir Path dir) throws Exception {
        File approved = dir.resolve("t.approved.png").toFile();
        File same = dir.resolve("same.received.png").toFile();
        File moved = dir.resolve("moved.received.png").toFile();
        ImageIO.write(page(20), "png", approved);
        ImageIO.write(page(20), "png", same);
        ImageIO.write(page(26), "png", moved);
        assertEquals(VerifyResult.SUCCESS, PageImages.compare(same, approved));
        assertEquals(VerifyResult.FAILURE, PageImages.compare(moved, approved));
        assertTrue(Files.exists(dir.resolve("moved.difference.png")));
    }

    private static BufferedImage page(int lineY) {
        BufferedImage image = new BufferedImage(250, 350, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 250, 350);
        g.setColor(Color.BLACK);
        g.fillRect(20, lineY, 200, 3);
        g.dispose();
        return image;
    }

    @Test
    void schemaCheckCatchesElementsOutOfOrder() throws Exception {
        String document = "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
                + "<w:p><w:r><w:t>x</w:t></w:r><w:pPr><w:jc w:val=\"center\"/></w:pPr></w:p></w:body></w:document>";
        Path docx = Files.createTempFile("bad", ".docx");
        try (var zip = new ZipOutputStream(Files.newOutputStream(docx))) {
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write(document.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        assertFalse(DocxSchema.errors(Files.readAllBytes(docx)).isEmpty());
    }

    @Test
    void samplesAreTheWholeByDefaultAShareOfItWhenAskedAndNeverNone() {
        assertEquals(360, Samples.of(360, "1"));
        assertEquals(90, Samples.of(360, "0.25"));
        assertEquals(6, Samples.of(24, "0.25"));
        assertEquals(1, Samples.of(3, "0.01"));
        assertEquals(24, Samples.eachOf(24, 5, "1"), "the whole suite: every group all of its samples");
        assertEquals(1, Samples.eachOf(24, 5, "0.25"), "a quarter of one group's 24, among five");
        assertEquals(3, Samples.eachOf(24, 2, "0.25"));
        assertEquals(6, Samples.eachOf(24, 1, "0.25"));
        for (String wrong : new String[] {"0", "-0.5", "1.5", "NaN"}) {
            assertThrows(IllegalArgumentException.class, () -> Samples.of(10, wrong), wrong);
        }
    }
}
