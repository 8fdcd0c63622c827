package cn.jixiao.forms.bench;

import cn.jixiao.forms.App;
import cn.jixiao.forms.Config;
import cn.jixiao.forms.render.OutputFormat;
import java.nio.file.Files;
import java.nio.file.Path;

public class ProfileLoop {
    public static void main(String[] args) throws Exception {
        App app = new App(Config.defaults());
        app.service().warmUp();
        byte[] body = Files.readAllBytes(Path.of("examples", args[0] + ".json"));
        OutputFormat format = OutputFormat.valueOf(args[1]);
        for (int i = 0; i < Integer.parseInt(args[2]); i++) {
            app.service().render(args[0], body, format);
        }
        System.exit(0);
    }
}
