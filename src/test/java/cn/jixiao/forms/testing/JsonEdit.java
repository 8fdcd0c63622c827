package cn.jixiao.forms.testing;

import cn.jixiao.forms.form.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Changes one place of a JSON document, for table-driven tests of bad input. */
public final class JsonEdit {
    /** Marks a field to be removed. */
    public static final Object REMOVE = new Object();

    private JsonEdit() {
    }

    /** Applies each (pointer, JSON text or {@link #REMOVE}) pair of {@code edits} in turn. */
    public static byte[] editAll(byte[] document, Object... edits) {
        byte[] edited = document;
        for (int i = 0; i < edits.length; i += 2) {
            edited = edit(edited, (String) edits[i], edits[i + 1]);
        }
        return edited;
    }

    /** Sets the value at a JSON pointer (the value given as JSON text; {@code /-} appends to a list), or removes it. */
    public static byte[] edit(byte[] document, String pointer, Object jsonOrRemove) {
        JsonNode root = Json.MAPPER.readTree(document);
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = pointer.substring(0, slash).isEmpty() ? root : root.at(pointer.substring(0, slash));
        String key = pointer.substring(slash + 1);
        if (parent instanceof ObjectNode object) {
            if (jsonOrRemove == REMOVE) {
                object.remove(key);
            } else {
                object.set(key, Json.MAPPER.readTree((String) jsonOrRemove));
            }
        } else if (parent instanceof ArrayNode array && key.equals("-") && jsonOrRemove != REMOVE) {
            array.add(Json.MAPPER.readTree((String) jsonOrRemove));
        } else if (parent instanceof ArrayNode array) {
            int index = Integer.parseInt(key);
            if (jsonOrRemove == REMOVE) {
                array.remove(index);
            } else {
                array.set(index, Json.MAPPER.readTree((String) jsonOrRemove));
            }
        } else {
            throw new IllegalArgumentException("no parent at " + pointer);
        }
        return Json.MAPPER.writeValueAsBytes(root);
    }
}
