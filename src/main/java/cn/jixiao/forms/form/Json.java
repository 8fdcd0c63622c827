package cn.jixiao.forms.form;

import java.math.BigDecimal;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/** The one JSON configuration of the service: amounts as BigDecimal, strict about what it accepts. */
public final class Json {
    /** Deeper than any form needs; stops stack-eating documents early. */
    public static final int MAX_NESTING_DEPTH = 64;

    public static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_NESTING_DEPTH)
                            .maxNumberLength(1000)
                            .build())
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .addModule(new SimpleModule("amounts").addDeserializer(BigDecimal.class, new AmountDeserializer()))
            .build();

    /**
     * Amounts as JSON numbers, or as decimal strings that may carry the thousands separators printed on the
     * forms ({@code "1,323,379.00"}); the schema has already admitted only those.
     */
    private static final class AmountDeserializer extends StdDeserializer<BigDecimal> {
        AmountDeserializer() {
            super(BigDecimal.class);
        }

        @Override
        public BigDecimal deserialize(JsonParser parser, DeserializationContext context) {
            if (parser.currentToken() == JsonToken.VALUE_STRING) {
                String text = parser.getString().strip().replace(",", "");
                try {
                    return new BigDecimal(text);
                } catch (NumberFormatException e) {
                    return (BigDecimal) context.handleWeirdStringValue(BigDecimal.class, text, "not a decimal");
                }
            }
            return parser.getDecimalValue();
        }
    }

    private Json() {
    }
}
