package app.characters.infra.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * JSON is read strictly: besides the features in application.yml, no number or boolean is taken for
 * a string, and no number for a boolean, so {@code "reason": 5} is a 400 like {@code "amount": "10"}.
 */
@Configuration(proxyBeanMethods = false)
class StrictJson {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer noScalarCoercion() {
        return builder -> builder.deserializerByType(String.class, new NoNulStrings())
                .modulesToInstall(new com.fasterxml.jackson.databind.module.SimpleModule("exact-enums")
                        .setDeserializerModifier(new ExactEnums()))
                .postConfigurer(mapper -> {
            mapper.coercionConfigFor(LogicalType.Textual)
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
            mapper.coercionConfigFor(LogicalType.Boolean)
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
            mapper.coercionConfigFor(LogicalType.Integer)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
            mapper.coercionConfigFor(LogicalType.Float)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        });
    }

    /**
     * PostgreSQL cannot store U+0000 in text, and a lone UTF-16 surrogate (JSON's {@code "\ud800"})
     * is no character at all: it would be stored as '?'. Such a string is refused as bad input, naming its field.
     */
    static final class NoNulStrings extends StringDeserializer {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = super.deserialize(parser, context);
            if (value != null && value.indexOf('\u0000') >= 0) {
                throw InvalidFormatException.from(parser, "must not contain the NUL character", value, String.class);
            }
            if (value != null && hasLoneSurrogate(value)) {
                throw InvalidFormatException.from(parser, "must be valid Unicode text (no unpaired surrogates)", value,
                        String.class);
            }
            return value;
        }

        private static boolean hasLoneSurrogate(String value) {
            for (int i = 0; i < value.length(); i++) {
                char ch = value.charAt(i);
                if (Character.isHighSurrogate(ch) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                } else if (Character.isSurrogate(ch)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Jackson trims an enum's text before matching it; the contract reads JSON strictly, so " PUBLIC " is refused. */
    static final class ExactEnums extends com.fasterxml.jackson.databind.deser.BeanDeserializerModifier {
        @Override
        public com.fasterxml.jackson.databind.JsonDeserializer<?> modifyEnumDeserializer(
                com.fasterxml.jackson.databind.DeserializationConfig config, com.fasterxml.jackson.databind.JavaType type,
                com.fasterxml.jackson.databind.BeanDescription description,
                com.fasterxml.jackson.databind.JsonDeserializer<?> deserializer) {
            return new com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer(deserializer) {
                @Override
                protected com.fasterxml.jackson.databind.JsonDeserializer<?> newDelegatingInstance(
                        com.fasterxml.jackson.databind.JsonDeserializer<?> delegate) {
                    return modifyEnumDeserializer(config, type, description, delegate);
                }

                @Override
                public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                    if (parser.hasToken(com.fasterxml.jackson.core.JsonToken.VALUE_STRING)) {
                        String text = parser.getText();
                        if (!text.equals(text.strip())) {
                            throw InvalidFormatException.from(parser, "not one of the values", text, type.getRawClass());
                        }
                    }
                    return super.deserialize(parser, context);
                }
            };
        }
    }
}
