package org.fundflow.platform.problem;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.ClassUtils;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Names a wrong value the way the client wrote it: the JSON path ({@code principalInvestigator.organisationCode},
 * {@code team[0].nationalId}, {@code abstract} for a Java property {@code abstractText}) and the type it must have.
 */
final class JsonPaths {

  private static final Pattern SEGMENT = Pattern.compile("([^.\\[]+)((?:\\[[^]]*])*)");
  private static final Pattern MISSING = Pattern.compile("Missing required creator property '([^']+)'");

  private JsonPaths() {}

  /** A bind error's Java property path ({@code team[0].organisationCode}) as a JSON path of the body. */
  static String of(Class<?> root, String propertyPath) {
    if (root == null || propertyPath == null || propertyPath.isEmpty()) {
      return propertyPath;
    }
    StringBuilder out = new StringBuilder();
    Type type = root;
    Matcher m = SEGMENT.matcher(propertyPath);
    int at = 0;
    while (at < propertyPath.length() && m.find(at) && m.start() == at) {
      String name = m.group(1);
      String indexes = m.group(2);
      Field field = type == null ? null : field(raw(type), name);
      if (out.length() > 0) {
        out.append('.');
      }
      out.append(field == null ? name : jsonName(field));
      out.append(indexes);
      type = field == null ? null : field.getGenericType();
      for (int i = indexes.isEmpty() ? 0 : indexes.split("]").length; i > 0 && type != null; i--) {
        type = element(type);
      }
      at = m.end();
      if (at < propertyPath.length() && propertyPath.charAt(at) == '.') {
        at++;
      }
    }
    if (at < propertyPath.length()) {
      return propertyPath; // not understood: the path as the validator gave it
    }
    return out.toString();
  }

  private static String jsonName(Field field) {
    JsonProperty property = field.getAnnotation(JsonProperty.class);
    return property != null && !property.value().isEmpty() ? property.value() : field.getName();
  }

  private static Field field(Class<?> type, String name) {
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      try {
        return c.getDeclaredField(name);
      } catch (NoSuchFieldException e) {
        // look further up
      }
    }
    return null;
  }

  private static Class<?> raw(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
      return c;
    }
    return Object.class;
  }

  private static Type element(Type type) {
    if (type instanceof Class<?> c && c.isArray()) {
      return c.getComponentType();
    }
    if (type instanceof GenericArrayType g) {
      return g.getGenericComponentType();
    }
    if (type instanceof ParameterizedType p) {
      Class<?> raw = raw(p);
      Type[] args = p.getActualTypeArguments();
      if (Collection.class.isAssignableFrom(raw) && args.length == 1) {
        return args[0];
      }
      if (Map.class.isAssignableFrom(raw) && args.length == 2) {
        return args[1];
      }
    }
    return null;
  }

  /** Jackson's path of a read failure as a JSON path. */
  static String of(List<JacksonException.Reference> references) {
    StringBuilder out = new StringBuilder();
    for (JacksonException.Reference r : references) {
      if (r.getPropertyName() != null) {
        if (out.length() > 0) {
          out.append('.');
        }
        out.append(r.getPropertyName());
      } else if (r.getIndex() >= 0) {
        out.append('[').append(r.getIndex()).append(']');
      }
    }
    return out.toString();
  }

  /** What a value of this type must look like, for a client. */
  static String expected(Class<?> type) {
    if (type == null) {
      return "has the wrong type";
    }
    Class<?> t = ClassUtils.resolvePrimitiveIfNecessary(type);
    if (t == Long.class || t == Integer.class || t == Short.class || t == Byte.class || t == BigInteger.class) {
      return "must be a whole number (a JSON number, not a string)";
    }
    if (t == Double.class || t == Float.class || t == BigDecimal.class || Number.class.isAssignableFrom(t)) {
      return "must be a number (a JSON number, not a string)";
    }
    if (t == Boolean.class) {
      return "must be true or false";
    }
    if (CharSequence.class.isAssignableFrom(t) || t == Character.class) {
      return "must be a string (a JSON string, not a number)";
    }
    if (t.isEnum()) {
      return "must be one of " + Arrays.stream(t.getEnumConstants()).map(e -> ((Enum<?>) e).name())
          .collect(Collectors.joining(", "));
    }
    if (t == LocalDate.class) {
      return "must be a date yyyy-MM-dd";
    }
    if (t == Instant.class || t == OffsetDateTime.class || t == ZonedDateTime.class) {
      return "must be a date and time with an offset (ISO 8601, e.g. 2027-01-01T09:00:00Z)";
    }
    if (t == LocalDateTime.class) {
      return "must be a date and time (ISO 8601, e.g. 2027-01-01T09:00:00)";
    }
    if (t.isArray() || Collection.class.isAssignableFrom(t)) {
      return "must be a list";
    }
    return "must be an object";
  }

  private static String range(Class<?> type) {
    Class<?> t = type == null ? Long.class : ClassUtils.resolvePrimitiveIfNecessary(type);
    if (t == Integer.class) {
      return "must be a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE;
    }
    if (t == Short.class) {
      return "must be a whole number from " + Short.MIN_VALUE + " to " + Short.MAX_VALUE;
    }
    if (t == Byte.class) {
      return "must be a whole number from " + Byte.MIN_VALUE + " to " + Byte.MAX_VALUE;
    }
    return "must be a whole number from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE;
  }

  /** The problem response for a body Jackson could not read. */
  static ResponseEntity<Object> problem(JacksonException e) {
    if (e instanceof StreamReadException && !(e instanceof InputCoercionException)) {
      TokenStreamLocation where = e.getLocation();
      String at = where != null && where.getLineNr() > 0
          ? " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")" : "";
      return ProblemResponses.problem(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request",
          "The request body is not valid JSON" + at + ".");
    }
    String path = of(e.getPath());
    String message;
    Matcher missing = MISSING.matcher(String.valueOf(e.getOriginalMessage()));
    if (missing.find()) {
      path = path.isEmpty() ? missing.group(1) : path + "." + missing.group(1);
      message = "is required";
    } else if (e instanceof InputCoercionException coercion) {
      message = coercion.getTargetType() != null && !Number.class.isAssignableFrom(
          ClassUtils.resolvePrimitiveIfNecessary(coercion.getTargetType()))
          ? expected(coercion.getTargetType()) : range(coercion.getTargetType());
    } else if (e instanceof MismatchedInputException mismatch) {
      message = mismatch.getCurrentToken() == JsonToken.VALUE_NULL ? "must not be null"
          : expected(mismatch.getTargetType());
    } else {
      message = "has an invalid value";
    }
    if (path.isEmpty()) {
      return ProblemResponses.problem(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request",
          "The request body " + message + ".");
    }
    return Problems.invalidFieldsResponse(List.of(new FieldProblem(path, message)));
  }
}
