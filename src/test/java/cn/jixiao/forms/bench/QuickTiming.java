package cn.jixiao.forms.bench;

import cn.jixiao.forms.App;
import cn.jixiao.forms.Config;
import cn.jixiao.forms.render.OutputFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

public class QuickTiming {
    public static void main(String[] args) throws Exception {
        App app = new App(Config.defaults());
        app.service().warmUp();
        for (String form : new String[]{"performance-tracking", "performance-target"}) {
            byte[] body = Files.readAllBytes(Path.of("examples", form + ".json"));
            for (OutputFormat format : OutputFormat.values()) {
                for (int i = 0; i < 20; i++) app.service().render(form, body, format);
                long[] t = new long[30];
                for (int i = 0; i < t.length; i++) {
                    long s = System.nanoTime();
                    app.service().render(form, body, format);
                    t[i] = System.nanoTime() - s;
                }
                Arrays.sort(t);
                System.out.printf("%s %s median %.1f ms p95 %.1f ms%n", form, format, t[t.length / 2] / 1e6, t[(int) (t.length * 0.95)] / 1e6);
            }
        }
        System.exit(0);
    }
}
