package org.fundflow.integrity.contract;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The shared-schemas contracts (read from the module sources of this reactor), validated with networknt 3. */
public final class Schemas {

  public static final Path ROOT = locate();
  private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
      b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
  private static final Map<String, Schema> CACHE = new ConcurrentHashMap<>();

  private Schemas() {}

  /** Errors of {@code json} against {@code schemas/<producer>/<event>.v1.schema.json}. */
  public static List<Error> validate(String producer, String event, String json) {
    Schema schema = CACHE.computeIfAbsent(producer + "/" + event, k -> {
      try (InputStream in = Files.newInputStream(ROOT.resolve("schemas/" + k + ".v1.schema.json"))) {
        return REGISTRY.getSchema(in);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    });
    return schema.validate(json, InputFormat.JSON);
  }

  private static Path locate() {
    for (Path p : List.of(Path.of("../../shared-schemas/src/main/resources"), Path.of("shared-schemas/src/main/resources"))) {
      if (Files.isDirectory(p.resolve("schemas"))) {
        return p;
      }
    }
    throw new IllegalStateException("shared-schemas sources not found from " + Path.of("").toAbsolutePath());
  }
}
