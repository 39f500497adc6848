package org.fundflow.platform.json;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.type.LogicalType;

/**
 * No scalar coercion when reading JSON, in every service: a string where a number or a boolean is expected
 * ({@code "100000"}, {@code "true"}), a number where a string is expected (a national ID sent as a JSON number),
 * a number for a boolean or an enum, a fraction for a whole number and {@code ""} for a number are errors (400
 * naming the field), never silently converted. Applied to the services' {@code JsonMapper}, so HTTP bodies and
 * event data are read alike.
 */
public final class StrictJson implements JsonMapperBuilderCustomizer {

  @Override
  public void customize(tools.jackson.databind.json.JsonMapper.Builder builder) {
    builder.enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
    builder.disable(tools.jackson.databind.DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    for (LogicalType type : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
      builder.withCoercionConfig(type, c -> c
          .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail));
    }
    builder.withCoercionConfig(LogicalType.Boolean, c -> c
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail));
    builder.withCoercionConfig(LogicalType.Textual, c -> c
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    builder.withCoercionConfig(LogicalType.Enum, c -> c
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail));
  }
}
