package cn.jixiao.forms.form;

import cn.jixiao.forms.form.rules.FormDefinitionError;
import cn.jixiao.forms.form.rules.JsonPlaces;
import cn.jixiao.forms.form.rules.SourcePlace;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * One form's folder under {@code templates/}: {@code form.json}, {@code schema.json}, {@code form.ftlh},
 * {@code README.md} and, optionally, {@code example.json}. The folder's name is the form's id.
 *
 * @param exampleFallback where the examples of the built-in forms live ({@code examples/<id>.json} in the jar)
 */
public record FormFolder(String id, Path path, String label) {
    public static final String DEFINITION = "form.json";
    public static final String SCHEMA = "schema.json";
    public static final String TEMPLATE = "form.ftlh";
    public static final String EXAMPLE = "example.json";

    /** A folder, named for messages as {@code templates/<id>}. */
    public static FormFolder of(Path path) {
        String id = path.getFileName().toString().replaceAll("/$", "");
        return new FormFolder(id, path, "templates/" + id);
    }

    /** Whether a directory is a form's folder: it has a {@code form.json}. */
    public static boolean isForm(Path path) {
        return Files.isRegularFile(path.resolve(DEFINITION));
    }

    public String place(String file) {
        return label + "/" + file;
    }

    public byte[] read(String file) {
        Path target = path.resolve(file);
        if (!Files.isRegularFile(target)) {
            throw new FormDefinitionError(SourcePlace.of(place(file)), "缺少文件 " + file);
        }
        try {
            return Files.readAllBytes(target);
        } catch (IOException e) {
            throw new FormDefinitionError(SourcePlace.of(place(file)), "无法读取：" + e.getMessage());
        }
    }

    /** A JSON file of the folder; a syntax error is a fault at its line and column. */
    public JsonNode json(String file, byte[] bytes) {
        try {
            return Json.MAPPER.readTree(bytes);
        } catch (JacksonException e) {
            SourcePlace at = e.getLocation() == null ? SourcePlace.of(place(file))
                    : new SourcePlace(place(file), e.getLocation().getLineNr(), e.getLocation().getColumnNr());
            throw new FormDefinitionError(at, "JSON 格式错误：" + e.getOriginalMessage());
        }
    }

    public JsonPlaces places(String file, byte[] bytes) {
        return JsonPlaces.of(place(file), bytes);
    }

    /** The folder's own example, else the built-in one of the same id, else none. */
    public Optional<byte[]> example() {
        Path own = path.resolve(EXAMPLE);
        if (Files.isRegularFile(own)) {
            return Optional.of(read(EXAMPLE));
        }
        try (InputStream in = FormFolder.class.getResourceAsStream("/examples/" + id + ".json")) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the folder carries its own example (a built-in form's is under {@code examples/}). */
    public boolean hasOwnExample() {
        return Files.isRegularFile(path.resolve(EXAMPLE));
    }
}
