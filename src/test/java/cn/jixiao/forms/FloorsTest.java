package cn.jixiao.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The one-way rule of docs/architecture.md: a package imports only from its own floor and those below. */
class FloorsTest {
    private static final Path SOURCES = Path.of("src/main/java/cn/jixiao/forms");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?cn\\.jixiao\\.forms\\.([\\w.]+);", Pattern.MULTILINE);
    /** Top-level packages by floor; the root package's classes are floor 4, but App, which wires it all. */
    private static final Map<String, Integer> FLOORS = Map.of("http", 6, "batch", 5, "", 4, "excel", 3, "render", 2, "form", 1);

    @Test
    void everyImportGoesToTheSameFloorOrBelow() throws IOException {
        List<String> upward = new ArrayList<>();
        int files = 0;
        try (Stream<Path> sources = Files.walk(SOURCES)) {
            for (Path file : sources.filter(f -> f.toString().endsWith(".java")).toList()) {
                files++;
                int floor = floorOf(SOURCES.relativize(file).toString().replace('/', '.').replaceAll("\\.java$", ""));
                Matcher imports = IMPORT.matcher(Files.readString(file));
                while (imports.find()) {
                    if (floorOf(imports.group(1)) > floor) {
                        upward.add(SOURCES.relativize(file) + " imports " + imports.group(1));
                    }
                }
            }
        }
        assertTrue(files > 100, "the sources were found: " + files);
        assertEquals(List.of(), upward);
    }

    @Test
    void theRuleSeesAnUpwardImport() {
        assertTrue(floorOf("http.Routes") > floorOf("FormService"));
        assertTrue(floorOf("FormService") > floorOf("render.pdf.PdfRenderer"));
        assertEquals(7, floorOf("App"));
    }

    /** The floor of a class named from cn.jixiao.forms on, e.g. {@code render.pdf.PdfRenderer} or {@code App}. */
    private static int floorOf(String name) {
        if (name.equals("App") || name.startsWith("App.")) {
            return 7;
        }
        String first = name.contains(".") && Character.isLowerCase(name.charAt(0)) ? name.substring(0, name.indexOf('.')) : "";
        Integer floor = FLOORS.get(first);
        if (floor == null) {
            throw new AssertionError("a package of no floor: " + name + "; add it to docs/architecture.md and here");
        }
        return floor;
    }
}
