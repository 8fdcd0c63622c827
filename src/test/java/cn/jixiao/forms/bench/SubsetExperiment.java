package cn.jixiao.forms.bench;

import java.io.*;
import java.nio.charset.*;
import java.nio.file.*;
import org.apache.fontbox.ttf.*;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;

public class SubsetExperiment {
    public static void main(String[] args) throws Exception {
        CharsetEncoder gb = Charset.forName("GBK").newEncoder();
        for (String name : args) {
            TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBufferedFile(new File("fonts/" + name + ".ttf")));
            long t = System.nanoTime();
            TTFSubsetter subsetter = new TTFSubsetter(ttf);
            int n = 0;
            for (int cp = 0x20; cp < 0x10000; cp++) {
                if (Character.isSurrogate((char) cp)) continue;
                if (cp < 0x3000 || gb.canEncode((char) cp)) {
                    if (ttf.getUnicodeCmapLookup().getGlyphId(cp) > 0) { subsetter.add(cp); n++; }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            subsetter.writeToStream(out);
            Files.write(Path.of("/tmp/" + name + "-gbk.ttf"), out.toByteArray());
            System.out.println(name + ": " + n + " chars, " + out.size() + " bytes, " + (System.nanoTime() - t) / 1e6 + " ms");
        }
    }
}
