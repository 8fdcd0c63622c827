package cn.jixiao.forms.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;
import java.util.Map;

/** The page for finance staff at {@code /}: bundled HTML, CSS and script, nothing from outside, no inline script. */
final class StaffPage {
    /** Scripts and styles only from this origin; the PDF preview is a blob: frame; no plug-ins, no framing. */
    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
            + "connect-src 'self' blob:; frame-src 'self' blob:; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";

    private StaffPage() {
    }

    static void configure(JavalinConfig javalin) {
        javalin.staticFiles.add(files -> {
            files.hostedPath = "/";
            files.directory = "/web";
            files.location = Location.CLASSPATH;
            files.headers = Map.of(
                    "Content-Security-Policy", POLICY,
                    "X-Content-Type-Options", "nosniff",
                    "Referrer-Policy", "no-referrer",
                    "Cache-Control", "no-cache");
        });
    }
}
