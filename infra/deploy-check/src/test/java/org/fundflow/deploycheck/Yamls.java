package org.fundflow.deploycheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Strict YAML loading (duplicate keys are an error) and null-safe navigation of the loaded maps. */
final class Yamls {

  private Yamls() {
  }

  static Yaml strict() {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    return new Yaml(new SafeConstructor(options));
  }

  /** The single document of a file, as a map; a syntax error or a non-map document is an exception. */
  static Map<String, Object> load(Path file) {
    Object doc = strict().load(read(file));
    if (!(doc instanceof Map<?, ?>)) {
      throw new IllegalArgumentException(file + ": not a YAML mapping");
    }
    return map(doc);
  }

  /** Every non-empty document of a (multi-document) file. */
  static List<Map<String, Object>> loadAll(Path file) {
    List<Map<String, Object>> docs = new ArrayList<>();
    for (Object doc : strict().loadAll(read(file))) {
      if (doc == null) {
        continue;
      }
      if (!(doc instanceof Map<?, ?>)) {
        throw new IllegalArgumentException(file + ": a document is not a YAML mapping");
      }
      docs.add(map(doc));
    }
    return docs;
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object o) {
    if (o instanceof Map<?, ?> m) {
      Map<String, Object> copy = new LinkedHashMap<>();
      ((Map<Object, Object>) m).forEach((k, v) -> copy.put(String.valueOf(k), v));
      return copy;
    }
    return Map.of();
  }

  static List<Object> list(Object o) {
    return o instanceof List<?> l ? new ArrayList<>(l) : List.of();
  }

  /** Follows a path of keys; null where any step is missing. */
  static Object at(Object root, String... keys) {
    Object current = root;
    for (String key : keys) {
      if (!(current instanceof Map<?, ?>)) {
        return null;
      }
      current = map(current).get(key);
    }
    return current;
  }

  static String str(Object o) {
    return o == null ? null : String.valueOf(o);
  }
}
