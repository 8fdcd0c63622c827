package cn.jixiao.forms.form.rules;

import cn.jixiao.forms.form.Json;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;

/**
 * Where each value of a JSON file stands, by JSON pointer: so that a fault in a schema's expression can be
 * shown at its line and column in the file the maintainer edits.
 */
public final class JsonPlaces {
    private final String file;
    private final Map<String, SourcePlace> places = new HashMap<>();

    private JsonPlaces(String file) {
        this.file = file;
    }

    /** The places of every value of {@code json}; none when it cannot be read (its reader reports that). */
    public static JsonPlaces of(String file, byte[] json) {
        JsonPlaces result = new JsonPlaces(file);
        try (JsonParser parser = Json.MAPPER.createParser(json)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.PROPERTY_NAME || token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    continue;
                }
                TokenStreamLocation at = parser.currentTokenLocation();
                String pointer = parser.streamReadContext().pathAsPointer().toString();
                if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    pointer = parser.streamReadContext().getParent() == null ? ""
                            : parser.streamReadContext().getParent().pathAsPointer().toString();
                }
                result.places.putIfAbsent(pointer, new SourcePlace(file, at.getLineNr(), at.getColumnNr()));
            }
        } catch (RuntimeException unreadable) {
            // the file's own reader reports a JSON syntax error with its place
        }
        return result;
    }

    public static JsonPlaces none(String file) {
        return new JsonPlaces(file);
    }

    /** The place of the value at {@code pointer}; of the nearest enclosing value when it is unknown. */
    public SourcePlace at(String pointer) {
        String current = pointer;
        while (true) {
            SourcePlace place = places.get(current);
            if (place != null) {
                return place;
            }
            if (current.isEmpty()) {
                return SourcePlace.of(file);
            }
            current = current.substring(0, Math.max(0, current.lastIndexOf('/')));
        }
    }

    /** The place of the first character inside the string at {@code pointer} (after its opening quote). */
    public SourcePlace insideString(String pointer) {
        SourcePlace place = at(pointer);
        return place.line() == 0 ? place : new SourcePlace(place.file(), place.line(), place.column() + 1);
    }

    public String file() {
        return file;
    }
}
