package cn.jixiao.forms.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A cut numbered by rank is byte for byte fontbox's own, and the fontbox we ship lets it be used at all. */
class RankedGlyphIdsTest {

    @Test
    void theFontboxWeShipLetsTheSetBeSwapped() {
        assertTrue(RankedGlyphIds.available(),
                "fontbox's TTFSubsetter no longer keeps its glyph ids in a private SortedSet field 'glyphIds': cuts are "
                        + "numbered the slow way again; see whether fontbox numbers them by rank now, and if so remove RankedGlyphIds");
    }

    @ParameterizedTest
    @ValueSource(strings = {"NotoSerifSC-Regular.ttf", "NotoSerifSC-Bold.ttf"})
    void cutsAreTheBytesOfFontboxsOwn(String file) throws IOException {
        try (TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBufferedFile(Path.of("fonts", file).toFile()))) {
            List<Integer> covered = covered(font);
            Random random = new Random(file.hashCode());
            String text = "项目支出绩效跟踪表（2025年度）主管部门：某市财政局 实施单位 预算执行率 ≥95% 满意度 (a) 1,234.56 万元";
            List<int[]> sets = new ArrayList<>();
            sets.add(text.codePoints().toArray());
            for (int size : new int[] {1, 40, 700, 3000}) {
                sets.add(random.ints(size, 0, covered.size()).map(covered::get).toArray());
            }
            for (int[] codePoints : sets) {
                assertArrayEquals(cut(font, codePoints, false), cut(font, codePoints, true), codePoints.length + " code points");
            }
        }
    }

    private static List<Integer> covered(TrueTypeFont font) throws IOException {
        CmapLookup cmap = font.getUnicodeCmapLookup();
        List<Integer> covered = new ArrayList<>();
        for (int cp = 0x20; cp <= 0xFFFF; cp++) {
            if (cmap.getGlyphId(cp) > 0) {
                covered.add(cp);
            }
        }
        return covered;
    }

    private static byte[] cut(TrueTypeFont font, int[] codePoints, boolean ranked) throws IOException {
        TTFSubsetter subsetter = new TTFSubsetter(font, List.of("cmap", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "post"));
        if (ranked) {
            assertTrue(RankedGlyphIds.installedIn(subsetter));
        }
        for (int codePoint : codePoints) {
            subsetter.add(codePoint);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        subsetter.writeToStream(out);
        return out.toByteArray();
    }
}
