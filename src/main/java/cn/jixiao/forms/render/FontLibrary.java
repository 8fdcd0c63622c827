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
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import tools.jackson.databind.JsonNode;

/**
 * The bundled fonts, described by {@code fonts/fonts.json}, each file parsed once per process and shared
 * by every render (fontbox synchronises its reads). Answers which characters the fonts can draw.
 */
public final class FontLibrary {

    /** Code points a face can be asked about: the Basic Multilingual Plane and CJK Extensions B to H. */
    private static final int MAX_CODE_POINT = 0x3FFFF;

    /**
     * One font file for one family, weight and style. {@code common} is the same font cut down to the
     * characters most documents use ({@link #COMMON}), which a document made only of those embeds
     * several times faster (PDFBox's per-document font set-up scales with the number of glyphs). A face
     * marked {@code lazy} (a large fallback) is parsed at start-up only to learn which characters it has,
     * and again when a document first needs it.
     */
    public static final class Face {
        private final String family;
        private final int weight;
        private final boolean italic;
        private final String file;
        private final java.util.BitSet coverage;
        private final java.util.BitSet commonCoverage;
        private final TrueTypeFont common;
        private final java.util.function.Supplier<TrueTypeFont> loader;
        private final float capHeight;
        private final float xHeight;
        private volatile TrueTypeFont font;

        Face(String family, int weight, boolean italic, String file, TrueTypeFont font, boolean keep, boolean cutDown,
             java.util.function.Supplier<TrueTypeFont> loader) {
            this.family = family;
            this.weight = weight;
            this.italic = italic;
            this.file = file;
            this.coverage = new java.util.BitSet();
            this.commonCoverage = new java.util.BitSet();
            for (int cp = 0x20; cp <= MAX_CODE_POINT; cp++) {
                if (glyph(font, cp)) {
                    coverage.set(cp);
                    if (cutDown && COMMON.test(cp)) {
                        commonCoverage.set(cp);
                    }
                }
            }
            this.common = cutDown ? FontLibrary.common(file, font, commonCoverage) : null;
            try {
                float scale = 1000f / font.getUnitsPerEm();
                this.capHeight = font.getOS2Windows() == null ? 0 : font.getOS2Windows().getCapHeight() * scale;
                this.xHeight = font.getOS2Windows() == null ? 0 : font.getOS2Windows().getHeight() * scale;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            this.font = keep ? font : null;
            this.loader = loader;
        }

        public String family() {
            return family;
        }

        public int weight() {
            return weight;
        }

        public boolean italic() {
            return italic;
        }

        public String file() {
            return file;
        }

        /** The whole font, parsed now if it was set aside. */
        public TrueTypeFont font() {
            TrueTypeFont loaded = font;
            if (loaded == null) {
                synchronized (this) {
                    if (font == null) {
                        font = loader.get();
                    }
                    loaded = font;
                }
            }
            return loaded;
        }

        /** The cut-down font, or null when this face has none. */
        public TrueTypeFont common() {
            return common;
        }

        public boolean has(int codePoint) {
            return coverage.get(codePoint);
        }

        /** Cap height in 1/1000 em, from the whole font (the cut-down one loses it). */
        public float capHeight() {
            return capHeight;
        }

        public float xHeight() {
            return xHeight;
        }

        public boolean commonHas(int codePoint) {
            return commonCoverage.get(codePoint);
        }
    }

    private static boolean glyph(TrueTypeFont font, int codePoint) {
        try {
            return font.getUnicodeCmapLookup().getGlyphId(codePoint) > 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The repertoire of the cut-down faces: GB 2312 (the 6 763 hanzi of everyday text and its symbols),
     * Latin, general punctuation and symbols, CJK punctuation and compatibility (㎡), full-width forms.
     */
    static final java.util.function.IntPredicate COMMON = new java.util.function.IntPredicate() {
        private final java.nio.charset.CharsetEncoder gb2312 = java.nio.charset.Charset.forName("GB2312").newEncoder();

        @Override
        public synchronized boolean test(int cp) {
            return (cp >= 0x20 && cp <= 0x24F) || (cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0x3000 && cp <= 0x33FF)
                    || (cp >= 0xFF00 && cp <= 0xFFEF) || (cp < 0x10000 && !Character.isSurrogate((char) cp) && gb2312.canEncode((char) cp));
        }
    };

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
                    faces(source, name, family, false)));
        }
        List<Face> fallbacks = new ArrayList<>();
        for (JsonNode family : description.path("fallbacks")) {
            fallbacks.addAll(faces(source, family.path("family").asString(), family, true));
        }
        return new FontLibrary(families, fallbacks);
    }

    private static List<Face> faces(Source source, String family, JsonNode description, boolean fallback) {
        List<Face> faces = new ArrayList<>();
        for (JsonNode face : description.path("faces")) {
            String file = face.path("file").asString();
            boolean lazy = face.path("lazy").asBoolean(false);
            faces.add(new Face(family, face.path("weight").asInt(400), face.path("style").asString("normal").equals("italic"),
                    file, parse(file, read(source, file)), !lazy, face.path("common").asBoolean(true) && !fallback,
                    () -> parse(file, read(source, file))));
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

    /** The face cut down to {@link #COMMON}, glyph outlines and metrics unchanged. */
    private static TrueTypeFont common(String file, TrueTypeFont font, java.util.BitSet codePoints) {
        try {
            TTFSubsetter subsetter = new TTFSubsetter(font);
            codePoints.stream().forEach(subsetter::add);
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(8 * 1024 * 1024);
            subsetter.writeToStream(out);
            return parse(file + " (common)", out.toByteArray());
        } catch (IOException e) {
            throw new IllegalStateException("fonts/" + file + " cannot be cut down: " + e.getMessage(), e);
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
