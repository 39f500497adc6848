package org.fundflow.milestone.contract;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The shared-schemas contracts on the test class path: schemas by event type, examples by file. */
public final class Schemas {

  /** 2020-12 with {@code format} asserted, like the shared-schemas module's own tests. */
  private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
      b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
  private static final Map<String, Schema> COMPILED = new ConcurrentHashMap<>();

  private Schemas() {}

  /** The schema path of a CloudEvents type, e.g. fundflow.milestone.milestone-accepted.v1 -> milestone-review/milestone-accepted.v1. */
  public static String schemaKey(String ceType) {
    String[] parts = ceType.split("\\.");
    String producer = switch (parts[1]) {
      case "milestone" -> "milestone-review";
      case "intake" -> "project-intake";
      case "integrity" -> "integrity-check";
      case "subsidy" -> "post-subsidy";
      default -> throw new IllegalArgumentException(ceType);
    };
    return producer + "/" + parts[2] + "." + parts[3];
  }

  /** The validation errors of {@code json} against the schema of the event type (empty when valid). */
  public static List<String> errors(String ceType, String json) {
    Schema schema = COMPILED.computeIfAbsent(schemaKey(ceType), key -> {
      try (InputStream in = resource("schemas/" + key + ".schema.json")) {
        return REGISTRY.getSchema(in, InputFormat.JSON);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    return schema.validate(json, InputFormat.JSON).stream().map(Object::toString).toList();
  }

  public static String example(String path) {
    try (InputStream in = resource("examples/" + path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream resource(String path) {
    InputStream in = Schemas.class.getClassLoader().getResourceAsStream(path);
    if (in == null) {
      throw new IllegalStateException(path + " is not on the test class path (shared-schemas)");
    }
    return in;
  }
}
