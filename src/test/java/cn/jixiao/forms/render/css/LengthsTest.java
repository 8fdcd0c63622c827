package cn.jixiao.forms.render.css;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LengthsTest {

    @ParameterizedTest(name = "{0} at font size {1} = {2} pt")
    @CsvSource({
            "9pt, 12, 9", "96px, 12, 72", "25.4mm, 12, 72", "17mm, 12, 48.188976377952756", "2.54cm, 12, 72",
            "0.5in, 12, 36", "1.35, 12, 1.35", "' -3PT ', 12, -3",
            "2em, 9, 18", "150%, 9, 13.5",
            "thin, 12, 0.5", "medium, 12, 1", "thick, 12, 2", "0, 12, 0", "none, 12, 0", "auto, 12, 0", "'', 12, 0"})
    void lengthsInPoints(String length, double fontSize, double points) {
        assertEquals(points, Lengths.points(length, fontSize), 1e-9);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1vw", "2rem", "3ex", "4furlongs", "small", "inherit", "calc(100% - 2mm)"})
    void anythingElseIsRefused(String length) {
        assertThrows(IllegalArgumentException.class, () -> Lengths.points(length, 12));
    }
}
