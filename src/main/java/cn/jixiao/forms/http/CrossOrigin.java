package cn.jixiao.forms.http;

import io.javalin.config.JavalinConfig;
import java.util.List;

/** CORS, off unless origins are configured; the headers a browser client reads are exposed to it. */
final class CrossOrigin {
    private static final List<String> EXPOSED = List.of("Content-Disposition", "X-Warnings", "X-Warning-Count", "X-Request-Id",
            "X-Page-Count", "X-Page-Sections");

    private CrossOrigin() {
    }

    static void configure(JavalinConfig javalin, List<String> origins) {
        if (origins.isEmpty()) {
            return;
        }
        javalin.bundledPlugins.enableCors(cors -> cors.addRule(rule -> {
            if (origins.contains("*")) {
                rule.anyHost();
            } else {
                rule.allowHost(origins.get(0), origins.subList(1, origins.size()).toArray(String[]::new));
            }
            EXPOSED.forEach(rule::exposeHeader);
        }));
    }
}
