import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Prints line and branch coverage per module from JaCoCo CSV reports. Run with the Java source launcher:
 *
 * <pre>
 * java infra/coverage/CoverageSummary.java infra/coverage/target/site/jacoco-aggregate/jacoco.csv   # the aggregate (./mvnw verify does this)
 * java infra/coverage/CoverageSummary.java .                                                        # every module's target/site/jacoco/jacoco.csv
 * </pre>
 *
 * Reports only: there is no threshold, and a missing report (tests skipped, module not built) is said, not failed.
 */
public class CoverageSummary {

  /** missed/covered lines and branches of one module. */
  static final class Counts {
    long linesMissed;
    long linesCovered;
    long branchesMissed;
    long branchesCovered;

    void add(Counts other) {
      linesMissed += other.linesMissed;
      linesCovered += other.linesCovered;
      branchesMissed += other.branchesMissed;
      branchesCovered += other.branchesCovered;
    }
  }

  public static void main(String[] args) throws IOException {
    Path target = Path.of(args.length == 0 ? "." : args[0]);
    Map<String, Counts> modules = new TreeMap<>();
    if (Files.isDirectory(target)) {
      try (Stream<Path> files = Files.walk(target)) {
        for (Path csv : files.filter(p -> p.endsWith(Path.of("target", "site", "jacoco", "jacoco.csv"))).sorted().toList()) {
          String module = csv.getParent().getParent().getParent().getParent().getFileName().toString();
          read(csv, null).values().forEach(c -> modules.computeIfAbsent(module, m -> new Counts()).add(c));
        }
      }
    } else if (Files.isRegularFile(target)) {
      modules.putAll(read(target, "group"));
    }
    if (modules.isEmpty()) {
      System.out.println("[coverage] no JaCoCo report at " + target + " (tests skipped or no module built): nothing to summarise");
      return;
    }
    System.out.println("[coverage] JaCoCo line and branch coverage per module (unit + integration tests), from " + target);
    System.out.printf("[coverage] %-22s %24s %24s%n", "module", "lines", "branches");
    Counts total = new Counts();
    modules.forEach((module, c) -> {
      total.add(c);
      System.out.printf("[coverage] %-22s %24s %24s%n", module, ratio(c.linesCovered, c.linesMissed),
          ratio(c.branchesCovered, c.branchesMissed));
    });
    System.out.printf("[coverage] %-22s %24s %24s%n", "total", ratio(total.linesCovered, total.linesMissed),
        ratio(total.branchesCovered, total.branchesMissed));
  }

  /** Sums the CSV rows (one per class) by their GROUP column (the module, in an aggregate report). */
  static Map<String, Counts> read(Path csv, String groupBy) throws IOException {
    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    Map<String, Counts> groups = new TreeMap<>();
    if (lines.isEmpty()) {
      return groups;
    }
    List<String> header = List.of(lines.get(0).split(","));
    int group = header.indexOf("GROUP");
    int lineMissed = header.indexOf("LINE_MISSED");
    int lineCovered = header.indexOf("LINE_COVERED");
    int branchMissed = header.indexOf("BRANCH_MISSED");
    int branchCovered = header.indexOf("BRANCH_COVERED");
    if (group < 0 || lineMissed < 0 || lineCovered < 0 || branchMissed < 0 || branchCovered < 0) {
      throw new IllegalArgumentException(csv + ": not a JaCoCo CSV report (header " + header + ")");
    }
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.split(",");
      // an aggregate names the group "<aggregating module>/<module>" when nested; the module is the last part
      String name = groupBy == null ? "" : f[group].substring(f[group].lastIndexOf('/') + 1);
      Counts c = groups.computeIfAbsent(name, n -> new Counts());
      c.linesMissed += Long.parseLong(f[lineMissed]);
      c.linesCovered += Long.parseLong(f[lineCovered]);
      c.branchesMissed += Long.parseLong(f[branchMissed]);
      c.branchesCovered += Long.parseLong(f[branchCovered]);
    }
    return groups;
  }

  static String ratio(long covered, long missed) {
    long all = covered + missed;
    if (all == 0) {
      return "-";
    }
    return String.format("%5.1f %% (%d/%d)", 100.0 * covered / all, covered, all);
  }
}
