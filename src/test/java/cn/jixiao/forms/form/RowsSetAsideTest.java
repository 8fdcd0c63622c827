package cn.jixiao.forms.form;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Rows holding a document's errors set aside, and the figures of the rest brought back to the rows' places. */
class RowsSetAsideTest {
    private static Problem error(String path) {
        return new Problem(path, "有误");
    }

    @Test
    void rowsAreTakenOutAndTheFiguresOfTheOthersGoBackToTheirIndexes() {
        JsonNode document = Json.MAPPER.readTree("""
                {"forms": [{"indicators": [{"n": 0}, {"n": 1}, {"n": 2}, {"n": 3}, {"n": 4}]}, {"indicators": [{"n": 0}, {"n": 1}]}]}""");
        RowsSetAside aside = RowsSetAside.of(List.of(error("/forms/0/indicators/1/name"), error("/forms/0/indicators/3"),
                error("/forms/0/indicators/1/weight"), error("/forms/1/indicators/0/name")), "indicators").orElseThrow();
        assertTrue(aside.removeFrom(document));
        assertEquals("[{\"n\":0},{\"n\":2},{\"n\":4}]", document.at("/forms/0/indicators").toString());
        assertEquals("[{\"n\":1}]", document.at("/forms/1/indicators").toString());

        Map<String, String> figures = new LinkedHashMap<>();
        figures.put("/forms/0/indicators/0/score", "a");
        figures.put("/forms/0/indicators/1/score", "c");
        figures.put("/forms/0/indicators/2/score", "e");
        figures.put("/forms/0/total", "all of form 0");
        figures.put("/forms/1/indicators/0/score", "b");
        figures.put("/forms/1/total", "all of form 1");
        figures.put("/forms/1/fundsScore", "funds");
        assertEquals(Map.of("/forms/0/indicators/0/score", "a", "/forms/0/indicators/2/score", "c", "/forms/0/indicators/4/score", "e",
                        "/forms/1/indicators/1/score", "b", "/forms/1/fundsScore", "funds"),
                aside.restore(figures, figure -> figure.endsWith("/total")));
    }

    @Test
    void anErrorOutsideTheRowsSetsNothingAside() {
        assertTrue(RowsSetAside.of(List.of(error("/forms/0/indicators/1/name"), error("/forms/0/annualBudget")), "indicators").isEmpty());
        assertTrue(RowsSetAside.of(List.of(error("/forms/0/indicators")), "indicators").isEmpty(), "the list itself");
        assertTrue(RowsSetAside.of(List.of(error("")), "indicators").isEmpty());
        assertTrue(RowsSetAside.of(List.of(), "indicators").isEmpty());
    }

    @Test
    void rowsNotWhereTheErrorsSayAreNotTakenOut() {
        JsonNode document = Json.MAPPER.readTree("{\"forms\": [{\"indicators\": [{}]}]}");
        assertTrue(!RowsSetAside.of(List.of(error("/forms/0/indicators/5/name")), "indicators").orElseThrow().removeFrom(document));
        assertTrue(!RowsSetAside.of(List.of(error("/forms/3/indicators/0/name")), "indicators").orElseThrow().removeFrom(document));
    }
}
