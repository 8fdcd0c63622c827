package cn.jixiao.forms.form.rules;

import cn.jixiao.forms.form.functions.Decimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * How a document of one form is carried into another, declared in the receiving form's folder
 * ({@code form.json}, {@code "derive": {"<from-form-id>": "<expression>"}}): an expression on the source document
 * ({@code self}, with its figures) that builds the new document as maps and lists. What does not carry is left for
 * people: the new document is checked as any other, and its problems say what remains to fill in.
 */
public final class Derivation {
    private final String from;
    private final Expression document;

    private Derivation(String from, Expression document) {
        this.from = from;
        this.document = document;
    }

    /** Compiles the expression against the source form's types; a fault at its place in form.json. */
    public static Derivation compile(String from, CompiledForm source, String text, SourcePlace place) {
        return new Derivation(from, source.compileOnDocument(text, place, null));
    }

    public String from() {
        return from;
    }

    /** The new document made from a checked source document. */
    public ObjectNode apply(Evaluation source) {
        Object value;
        try {
            value = document.evaluate(Map.of("self", source.values(), "root", source.rootInput(), "limits", source.limits()))
                    .orElseThrow(() -> new IllegalStateException(document.place() + ": the derived document is none"));
        } catch (Expression.EvaluationFailure failure) {
            throw new IllegalStateException(failure.getMessage(), failure);
        }
        if (!(json(value) instanceof ObjectNode object)) {
            throw new IllegalStateException(document.place() + ": the derived document is not an object: " + value);
        }
        return object;
    }

    /** An expression's value as JSON: maps, lists, decimals as numbers; an optional as its value or nothing. */
    static JsonNode json(Object value) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (value instanceof Optional<?> optional) {
            return optional.map(Derivation::json).orElse(null);
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = nodes.objectNode();
            map.forEach((key, inner) -> {
                JsonNode node = json(inner);
                if (node != null) {
                    object.set(String.valueOf(key), node);
                }
            });
            return object;
        }
        if (value instanceof List<?> list) {
            ArrayNode array = nodes.arrayNode();
            list.forEach(item -> {
                JsonNode node = json(item);
                if (node != null) {
                    array.add(node);
                }
            });
            return array;
        }
        if (value instanceof Decimal decimal) {
            return nodes.numberNode(decimal.value());
        }
        if (value instanceof Long number) {
            return nodes.numberNode(number);
        }
        if (value instanceof Boolean yes) {
            return nodes.booleanNode(yes);
        }
        return value == null ? null : nodes.stringNode(String.valueOf(value));
    }
}
