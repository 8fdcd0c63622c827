package cn.jixiao.forms.render;

import cn.jixiao.forms.form.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.apache.fontbox.ttf.CmapLookup;
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
     * One font file for one family, weight and style. A document embeds a {@link #subset} of it: only the
     * characters it uses, since PDFBox's per-document font set-up scales with the number of glyphs a font has
     * (a few hundred instead of tens of thousands). A face marked {@code lazy} (a large fallback) is parsed only
     * when first asked anything — which characters it has, or to draw — and kept from then on.
     */
    public static final class Face {
        private final String family;
        private final int weight;
        private final boolean italic;
        private final String file;
        private final Supplier<TrueTypeFont> loader;
        private final Subsets subsets = new Subsets();
        private volatile TrueTypeFont font;
        private volatile Facts facts;

        /** What a face answers about itself without drawing: the characters it has, two heights. */
        private record Facts(BitSet coverage, float capHeight, float xHeight) {
            static Facts of(TrueTypeFont font) {
                try {
                    float scale = 1000f / font.getUnitsPerEm();
                    return new Facts(FontLibrary.coverage(font),
                            font.getOS2Windows() == null ? 0 : font.getOS2Windows().getCapHeight() * scale,
                            font.getOS2Windows() == null ? 0 : font.getOS2Windows().getHeight() * scale);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }

        /** A face parsed now, or (lazy) only when first asked anything. */
        Face(String family, int weight, boolean italic, String file, boolean lazy, Supplier<TrueTypeFont> loader) {
            this.family = family;
            this.weight = weight;
            this.italic = italic;
            this.file = file;
            this.loader = loader;
            if (!lazy) {
                font();
            }
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
                        TrueTypeFont parsed = loader.get();
                        facts = Facts.of(parsed);
                        font = parsed;
                    }
                    loaded = font;
                }
            }
            return loaded;
        }

        /**
         * Reads the file once to see that it is a font we can embed, and forgets it again unless it is kept
         * already: a broken fallback shows at start-up, while its memory is taken only once a document needs it.
         */
        public void verify() {
            if (font == null) {
                Facts.of(loader.get());
            }
        }

        private Facts facts() {
            if (facts == null) {
                font();
            }
            return facts;
        }

        /**
         * The font cut down to {@code codePoints} (those it lacks are left out), glyph outlines and metrics
         * unchanged; the few most recent sets are kept, so that documents alike share their subsets. With a code
         * point beyond the Basic Multilingual Plane, the whole font.
         */
        public TrueTypeFont subset(BitSet codePoints) {
            BitSet wanted = (BitSet) codePoints.clone();
            wanted.and(facts().coverage());
            if (wanted.nextSetBit(0x10000) >= 0) {
                // fontbox writes only a BMP cmap: beyond it (CJK Extension B and up) the whole font is embedded
                return font();
            }
            return subsets.get(wanted, () -> cutDown(file, font(), wanted));
        }

        public boolean has(int codePoint) {
            return facts().coverage().get(codePoint);
        }

        /** Cap height in 1/1000 em, from the whole font (a subset loses it). */
        public float capHeight() {
            return facts().capHeight();
        }

        public float xHeight() {
            return facts().xHeight();
        }
    }

    /** The code points the font has a glyph for, read off its Unicode cmap once. */
    private static BitSet coverage(TrueTypeFont font) {
        BitSet coverage = new BitSet();
        try {
            CmapLookup cmap = font.getUnicodeCmapLookup();
            for (int cp = 0x20; cp <= MAX_CODE_POINT; cp++) {
                if (cmap.getGlyphId(cp) > 0) {
                    coverage.set(cp);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return coverage;
    }

    /** A face's recent subsets, by the code points they hold: the same document, or one alike, embeds at once. */
    private static final class Subsets {
        private static final int KEPT = 16;
        private final Map<BitSet, TrueTypeFont> recent = new LinkedHashMap<>(KEPT, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<BitSet, TrueTypeFont> eldest) {
                return size() > KEPT;
            }
        };

        TrueTypeFont get(BitSet codePoints, Supplier<TrueTypeFont> cut) {
            synchronized (recent) {
                TrueTypeFont kept = recent.get(codePoints);
                if (kept != null) {
                    return kept;
                }
            }
            TrueTypeFont made = cut.get();
            synchronized (recent) {
                TrueTypeFont raced = recent.putIfAbsent(codePoints, made);
                return raced != null ? raced : made;
            }
        }
    }

    /**
     * A font-family name of the templates, the Latin font Word should pair with it, its other name
     * (e.g. SimSun) and its generic kind (roman = serif, swiss = sans) for a DOCX font table.
     */
    public record Family(String name, String docxLatin, String docxAltName, String docxGeneric, List<Face> faces) {
    }

    private final CompletableFuture<Loaded> loaded;

    /** The faces once read. */
    private record Loaded(Map<String, Family> families, List<Face> fallbacks) {
    }

    private FontLibrary(CompletableFuture<Loaded> loaded) {
        this.loaded = loaded;
    }

    /** The faces, waiting for them to be read; what went wrong in reading them is thrown here, as it was. */
    private Loaded loaded() {
        try {
            return loaded.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : e;
        }
    }

    /** The fonts bundled in the jar: read once per process, however many services or checks ask for them. */
    public static FontLibrary bundled() {
        return Bundled.LIBRARY;
    }

    /** Holds the bundled library, read when first asked for (class initialisation is lazy and thread-safe). */
    private static final class Bundled {
        static final FontLibrary LIBRARY = load(name -> FontLibrary.class.getResourceAsStream("/fonts/" + name));
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

    /**
     * Starts reading the faces, side by side, one thread a processor, and answers at once: parsing the fonts is
     * the longest part of a start, and the rest of the service can be set up meanwhile. The first question asked
     * of the library waits for them.
     */
    private static FontLibrary load(Source source) {
        CompletableFuture<Loaded> loaded = new CompletableFuture<>();
        Thread reading = new Thread(() -> {
            try {
                loaded.complete(readFaces(source));
            } catch (RuntimeException | Error e) {
                loaded.completeExceptionally(e);
            }
        }, "font-library");
        reading.setDaemon(true);
        reading.start();
        return new FontLibrary(loaded);
    }

    private static Loaded readFaces(Source source) {
        JsonNode description = Json.MAPPER.readTree(read(source, "fonts.json"));
        ExecutorService readers = Executors.newFixedThreadPool(
                Math.max(2, Runtime.getRuntime().availableProcessors()), runnable -> {
                    Thread thread = new Thread(runnable, "font-reader");
                    thread.setDaemon(true);
                    return thread;
                });
        try {
            Map<String, Family> families = new LinkedHashMap<>();
            Map<String, List<Future<Face>>> familyFaces = new LinkedHashMap<>();
            for (JsonNode family : description.path("families")) {
                familyFaces.put(family.path("family").asString(), faces(source, family.path("family").asString(), family, readers));
            }
            List<Future<Face>> fallbackFaces = new ArrayList<>();
            for (JsonNode family : description.path("fallbacks")) {
                fallbackFaces.addAll(faces(source, family.path("family").asString(), family, readers));
            }
            for (JsonNode family : description.path("families")) {
                String name = family.path("family").asString();
                families.put(name, new Family(name, family.path("docxLatin").asString(""),
                        family.path("docxAltName").asString(""), family.path("docxGeneric").asString("auto"),
                        done(familyFaces.get(name))));
            }
            return new Loaded(families, done(fallbackFaces));
        } finally {
            readers.shutdown();
        }
    }

    private static List<Face> done(List<Future<Face>> faces) {
        List<Face> done = new ArrayList<>();
        for (Future<Face> face : faces) {
            try {
                done.add(face.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading fonts", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException failure ? failure : new IllegalStateException(e.getCause());
            }
        }
        return done;
    }

    private static List<Future<Face>> faces(Source source, String family, JsonNode description,
                                                                 ExecutorService readers) {
        List<Future<Face>> faces = new ArrayList<>();
        for (JsonNode face : description.path("faces")) {
            String file = face.path("file").asString();
            boolean lazy = face.path("lazy").asBoolean(false);
            int weight = face.path("weight").asInt(400);
            boolean italic = face.path("style").asString("normal").equals("italic");
            faces.add(readers.submit(() -> new Face(family, weight, italic, file, lazy, () -> parse(file, read(source, file)))));
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

    /**
     * Tables of a face that a document's cut leaves out: glyph substitution and positioning (the forms need none,
     * and substitution is off), baselines, and vertical metrics (nothing is written vertically). PDFBox embeds none
     * of them, so the PDF is the same; without them a cut of the 宋体 faces is half the bytes to write and read again.
     */
    private static final Set<String> UNUSED_TABLES = Set.of("GSUB", "GPOS", "GDEF", "BASE", "JSTF", "MATH", "STAT", "vhea",
            "vmtx", "VORG");

    /** The font cut down to the code points, glyph outlines and metrics unchanged. */
    private static TrueTypeFont cutDown(String file, TrueTypeFont font, BitSet codePoints) {
        try {
            TTFSubsetter subsetter = new TTFSubsetter(font,
                    font.getTableMap().keySet().stream().filter(table -> !UNUSED_TABLES.contains(table)).sorted().toList());
            RankedGlyphIds.installedIn(subsetter);
            codePoints.stream().forEach(subsetter::add);
            ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
            subsetter.writeToStream(out);
            return parse(file + " (subset)", out.toByteArray());
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
        return Optional.ofNullable(loaded().families().get(name));
    }

    public List<Family> families() {
        return List.copyOf(loaded().families().values());
    }

    /** Faces for characters that the family fonts lack, in the order they are tried. */
    public List<Face> fallbacks() {
        return loaded().fallbacks();
    }

    /**
     * Whether every family, with the fallbacks behind it, can draw the code point. The fallbacks are asked only
     * for what a family lacks, so that a lazy fallback is parsed only once a document needs it.
     */
    public boolean canDraw(int codePoint) {
        boolean families = true;
        for (Family family : loaded().families().values()) {
            families &= family.faces().get(0).has(codePoint);
        }
        if (families) {
            return true;
        }
        for (Face fallback : loaded().fallbacks()) {
            if (fallback.has(codePoint)) {
                return true;
            }
        }
        return false;
    }
}
