package org.fundflow.intake.domain;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the shared test vectors (copied from /shared/testdata into src/test/resources/testdata). */
final class TestVectors {

  record Vector(String value, boolean valid, String why) {
    @Override
    public String toString() {
      return (value.isEmpty() ? "<empty>" : value) + " valid=" + valid + " (" + why + ")";
    }
  }

  static List<Vector> read(String name) throws Exception {
    List<Vector> vectors = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        TestVectors.class.getResourceAsStream("/testdata/" + name), StandardCharsets.UTF_8))) {
      in.readLine(); // header
      for (String line; (line = in.readLine()) != null; ) {
        if (line.isBlank()) {
          continue;
        }
        String[] cells = line.split(",", 3);
        vectors.add(new Vector(cells[0], Boolean.parseBoolean(cells[1]), cells.length > 2 ? cells[2] : ""));
      }
    }
    return vectors;
  }
}
