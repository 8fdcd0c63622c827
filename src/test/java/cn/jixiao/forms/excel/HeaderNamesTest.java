package cn.jixiao.forms.excel;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The one table of header names is the one the documentation shows, row for row. */
class HeaderNamesTest {
    @Test
    void theDocumentationShowsEveryNameOfTheTable() throws Exception {
        String docs = Files.readString(Path.of("docs", "workbooks.md"));
        assertFalse(HeaderNames.all().isEmpty());
        HeaderNames.all().forEach((title, names) -> assertTrue(docs.contains("| " + title + " | " + String.join(", ", names) + " |"),
                "docs/workbooks.md shows the names of " + title + ": " + names));
    }
}
