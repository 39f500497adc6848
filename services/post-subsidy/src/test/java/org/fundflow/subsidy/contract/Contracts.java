package org.fundflow.subsidy.contract;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The event contracts of shared-schemas (read from the worktree), and validation against them. */
public final class Contracts {

  public static final Path ROOT = locate();
  public static final JsonMapper JSON = JsonMapper.builder().build();
  private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
      b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
  private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

  private Contracts() {}

  private static Path locate() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path candidate = p.resolve("shared-schemas/src/main/resources");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("shared-schemas/src/main/resources not found above " + Path.of("").toAbsolutePath());
  }

  public static Path example(String producerAndFile) {
    return ROOT.resolve("examples").resolve(producerAndFile);
  }

  public static byte[] bytes(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Errors of {@code json} against {@code schemas/<producer>/<event>.v1.schema.json}; empty when valid. */
  public static List<Error> validate(String producer, String event, String json) {
    Schema schema = SCHEMAS.computeIfAbsent(producer + "/" + event, k -> {
      try {
        JsonNode node = JSON.readTree(Files.readString(ROOT.resolve("schemas").resolve(k + ".v1.schema.json")));
        return REGISTRY.getSchema(node);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    return schema.validate(JSON.readTree(json));
  }
}
