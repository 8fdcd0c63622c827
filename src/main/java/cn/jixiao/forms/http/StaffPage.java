package cn.jixiao.forms.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The page for finance staff at {@code /}: bundled HTML, CSS and script, nothing from outside, no inline script.
 * Its few files are read into memory when the server is made, from the jar's directory {@code web/}, and served
 * with an ETag: mounting the 88 MB jar as a file system, as a classpath location of static files would, took
 * about 0.4 s of every start.
 */
final class StaffPage {
    /** Scripts and styles only from this origin; the PDF preview is a blob: frame; no plug-ins, no framing. */
    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
            + "connect-src 'self' blob:; frame-src 'self' blob:; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";
    private static final String DIRECTORY = "web/";
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "json", "application/json",
            "txt", "text/plain; charset=utf-8",
            "png", "image/png",
            "svg", "image/svg+xml",
            "ico", "image/x-icon");

    private StaffPage() {
    }

    /** One file of the page: its bytes, media type and entity tag. */
    private record File(byte[] bytes, String type, String etag) {
        static File of(String name, byte[] bytes) {
            String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
            return new File(bytes, name.equals("LICENSE") || name.endsWith("/LICENSE") ? TYPES.get("txt")
                    : TYPES.getOrDefault(extension, "application/octet-stream"), StaffPage.etag(bytes));
        }
    }

    static void configure(JavalinConfig javalin) {
        Map<String, File> files = read();
        files.forEach((path, file) -> {
            javalin.routes.get("/" + path, ctx -> send(ctx, file));
            if (path.equals("index.html")) {
                javalin.routes.get("/", ctx -> send(ctx, file));
            }
        });
    }

    private static void send(Context ctx, File file) {
        ctx.header("Content-Security-Policy", POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cache-Control", "no-cache");
        ctx.header("ETag", file.etag());
        if (file.etag().equals(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
        }
        Replies.bytes(ctx, 200, file.type(), file.bytes());
    }

    /** The files under {@code web/} by their path below it, from the jar or, in a build, the classes directory. */
    private static Map<String, File> read() {
        Map<String, File> files = new TreeMap<>();
        try {
            Path source = Path.of(StaffPage.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(source)) {
                Path root = source.resolve(DIRECTORY);
                try (Stream<Path> paths = Files.walk(root)) {
                    for (Path path : (Iterable<Path>) paths.filter(Files::isRegularFile)::iterator) {
                        String name = root.relativize(path).toString().replace('\\', '/');
                        files.put(name, File.of(name, Files.readAllBytes(path)));
                    }
                }
            } else {
                try (ZipFile jar = new ZipFile(source.toFile())) {
                    for (ZipEntry entry : Collections.list(jar.entries())) {
                        if (!entry.isDirectory() && entry.getName().startsWith(DIRECTORY)) {
                            String name = entry.getName().substring(DIRECTORY.length());
                            try (InputStream in = jar.getInputStream(entry)) {
                                files.put(name, File.of(name, in.readAllBytes()));
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        if (!files.containsKey("index.html")) {
            throw new IllegalStateException("the staff page is missing: no web/index.html beside " + StaffPage.class.getName());
        }
        return files;
    }

    private static String etag(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
