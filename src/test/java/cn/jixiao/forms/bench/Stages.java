package cn.jixiao.forms.bench;

import cn.jixiao.forms.form.*;
import cn.jixiao.forms.render.*;
import java.nio.file.*;
import java.util.*;

public class Stages {
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static void main(String[] args) throws Exception {
        FontLibrary fonts = FontLibrary.bundled();
        FormRegistry registry = FormRegistry.standard(Limits.DEFAULT, new TextRules(fonts::canDraw));
        Templates templates = Templates.bundled();
        PdfRenderer pdf = new PdfRenderer(fonts);
        DocxRenderer docx = new DocxRenderer(fonts);
        for (String id : new String[]{"performance-tracking", "performance-target"}) {
            RegisteredForm form = registry.get(id);
            byte[] body = Files.readAllBytes(Path.of("examples", id + ".json"));
            long[][] t = new long[6][60];
            for (int i = 0; i < 80; i++) {
                long a = System.nanoTime();
                Object doc = form.read(body).document();
                long b = System.nanoTime();
                Object view = form.type().view(doc);
                String markup = templates.render(id, view);
                long c = System.nanoTime();
                org.w3c.dom.Document dom = Xhtml.parse(markup);
                long d = System.nanoTime();
                pdf.render(dom);
                long e = System.nanoTime();
                docx.render(Xhtml.parse(markup));
                long f = System.nanoTime();
                if (i >= 20) {
                    long[] v = {b - a, c - b, d - c, e - d, f - e, f - a};
                    for (int k = 0; k < 6; k++) t[k][i - 20] = v[k];
                }
            }
            String[] names = {"read+validate", "view+template", "xhtml parse", "pdf", "docx(+parse)", "all"};
            for (int k = 0; k < 6; k++) { Arrays.sort(t[k]); System.out.printf("%s %-14s median %6.2f ms%n", id, names[k], t[k][30] / 1e6); }
        }
        System.exit(0);
    }
}
