package cn.jixiao.forms.render;

import cn.jixiao.forms.form.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import tools.jackson.databind.JsonNode;

/**
 * The bundled fonts, described by {@code fonts/fonts.json}, each file parsed once per process and shared
 * by every render (fontbox synchronises its reads). Answers which characters the fonts can draw.
 */
public final class FontLibrary {

    /** One font file for one family, weight and style. */
    public record Face(String family, int weight, boolean italic, String file, TrueTypeFont font) {
        public boolean has(int codePoint) {
            try {
                return font.getUnicodeCmapLookup().getGlyphId(codePoint) > 0;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * A font-family name of the templates, the Latin font Word should pair with it, its other name
     * (e.g. SimSun) and its generic kind (roman = serif, swiss = sans) for a DOCX font table.
     */
    public record Family(String name, String docxLatin, String docxAltName, String docxGeneric, List<Face> faces) {
    }

    private final Map<String, Family> families;
    private final List<Face> fallbacks;

    private FontLibrary(Map<String, Family> families, List<Face> fallbacks) {
        this.families = families;
        this.fallbacks = fallbacks;
    }

    /** The fonts bundled in the jar. */
    public static FontLibrary bundled() {
        return load(name -> FontLibrary.class.getResourceAsStream("/fonts/" + name));
    }

    /** Fonts from a directory of the same structure as {@code fonts/}. */
    public static FontLibrary fromDirectory(Path directory) {
        return load(name -> {
            try {
                return Files.newInputStream(directory.resolve(name));
            } catch (IOException e) {
                return null;
            }
        });
    }

    interface Source {
        InputStream open(String name);
    }

    private static FontLibrary load(Source source) {
        JsonNode description = Json.MAPPER.readTree(read(source, "fonts.json"));
        Map<String, Family> families = new LinkedHashMap<>();
        for (JsonNode family : description.path("families")) {
            String name = family.path("family").asString();
            families.put(name, new Family(name, family.path("docxLatin").asString(""),
                    family.path("docxAltName").asString(""), family.path("docxGeneric").asString("auto"),
                    faces(source, name, family)));
        }
        List<Face> fallbacks = new ArrayList<>();
        for (JsonNode family : description.path("fallbacks")) {
            fallbacks.addAll(faces(source, family.path("family").asString(), family));
        }
        return new FontLibrary(families, fallbacks);
    }

    private static List<Face> faces(Source source, String family, JsonNode description) {
        List<Face> faces = new ArrayList<>();
        for (JsonNode face : description.path("faces")) {
            String file = face.path("file").asString();
            faces.add(new Face(family, face.path("weight").asInt(400), face.path("style").asString("normal").equals("italic"),
                    file, parse(file, read(source, file))));
        }
        return faces;
    }

    private static byte[] read(Source source, String name) {
        try (InputStream in = source.open(name)) {
            if (in == null) {
                throw new IllegalStateException("font file missing: fonts/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Only TrueType outlines embed reliably in PDF here; a CFF (.otf) font is refused at start-up. */
    private static TrueTypeFont parse(String file, byte[] bytes) {
        if (bytes.length >= 4 && bytes[0] == 'O' && bytes[1] == 'T' && bytes[2] == 'T' && bytes[3] == 'O') {
            throw new IllegalStateException("fonts/" + file + " has CFF outlines; a TrueType (glyf) font is needed");
        }
        try {
            TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(bytes));
            if (font.getTableMap().get("glyf") == null) {
                throw new IllegalStateException("fonts/" + file + " has no glyf table; a TrueType font is needed");
            }
            if (font.getUnicodeCmapLookup() == null) {
                throw new IllegalStateException("fonts/" + file + " has no Unicode cmap");
            }
            // The forms need no glyph substitution (Latin ligatures); PDFBox would otherwise run a
            // regular-expression tokenizer over every text run it draws.
            font.setEnableGsub(false);
            return font;
        } catch (IOException e) {
            throw new IllegalStateException("fonts/" + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    public Optional<Family> family(String name) {
        return Optional.ofNullable(families.get(name));
    }

    public List<Family> families() {
        return List.copyOf(families.values());
    }

    /** Faces for characters that the family fonts lack, in the order they are tried. */
    public List<Face> fallbacks() {
        return fallbacks;
    }

    /** Whether every family, with the fallbacks behind it, can draw the code point. */
    public boolean canDraw(int codePoint) {
        for (Face fallback : fallbacks) {
            if (fallback.has(codePoint)) {
                return true;
            }
        }
        for (Family family : families.values()) {
            if (!family.faces().get(0).has(codePoint)) {
                return false;
            }
        }
        return true;
    }
}
