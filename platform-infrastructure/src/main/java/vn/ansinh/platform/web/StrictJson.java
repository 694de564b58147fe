package vn.ansinh.platform.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

/**
 * Request bodies mean what they say. A number is not a name or a date, text is not a number, an
 * unknown field is a mistake (an {@code eligibility} holding only a misspelt key must not become "no
 * criteria"), and an enum is written by its name. Events read with the same mapper still ignore
 * fields they do not know ({@code IncomingEvent}), so producers can add fields.
 */
public final class StrictJson implements JsonMapperBuilderCustomizer {

    @Override
    public void customize(tools.jackson.databind.json.JsonMapper.Builder builder) {
        builder.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(tools.jackson.databind.cfg.EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        refuse(builder, LogicalType.Textual, CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean);
        refuse(builder, LogicalType.DateTime, CoercionInputShape.Integer, CoercionInputShape.Float);
        refuse(builder, LogicalType.Integer, CoercionInputShape.String, CoercionInputShape.Float, CoercionInputShape.Boolean);
        refuse(builder, LogicalType.Float, CoercionInputShape.String, CoercionInputShape.Boolean);
        refuse(builder, LogicalType.Boolean, CoercionInputShape.String, CoercionInputShape.Integer);
        refuse(builder, LogicalType.Enum, CoercionInputShape.Integer);
    }

    /** Values of these JSON shapes are not read as {@code type}: the request is refused instead. */
    private static void refuse(tools.jackson.databind.json.JsonMapper.Builder builder, LogicalType type, CoercionInputShape... shapes) {
        builder.withCoercionConfig(type, config -> {
            for (CoercionInputShape shape : shapes) {
                config.setCoercion(shape, CoercionAction.Fail);
            }
        });
    }
}
