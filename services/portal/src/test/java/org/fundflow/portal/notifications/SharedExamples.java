package org.fundflow.portal.notifications;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The example events of shared-schemas (read from the source tree, like the services' contract tests). */
final class SharedExamples {

  static final Path ROOT = locate();

  private SharedExamples() {}

  private static Path locate() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path candidate = p.resolve("shared-schemas/src/main/resources/examples");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("shared-schemas examples not found above " + Path.of("").toAbsolutePath());
  }

  static String json(String producerAndFile) {
    try {
      return Files.readString(ROOT.resolve(producerAndFile), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
