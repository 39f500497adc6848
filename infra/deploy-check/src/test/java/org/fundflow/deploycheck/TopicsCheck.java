package org.fundflow.deploycheck;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What infra/kafka/topics.txt must hold: every topic a service binds to or the README lists, with at
 * least the binder's min-partition-count partitions, a retention and a cleanup policy, and the
 * dead-letter topic of every consuming service.
 */
final class TopicsCheck {

  record Topic(String name, int partitions, long retentionMs, String cleanupPolicy) {
  }

  private static final Set<String> POLICIES = Set.of("delete", "compact", "compact,delete", "delete,compact");
  private static final Pattern README_TOPIC = Pattern.compile("^\\| `([a-z0-9.-]+)`");

  private TopicsCheck() {
  }

  static Map<String, Topic> parse(Path file, List<String> problems) {
    Map<String, Topic> topics = new LinkedHashMap<>();
    int lineNo = 0;
    for (String line : Yamls.read(file).split("\n", -1)) {
      lineNo++;
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      String[] f = trimmed.split("\\s+");
      if (f.length != 4) {
        problems.add("topics.txt:" + lineNo + ": expected `name partitions retention.ms cleanup.policy`: " + trimmed);
        continue;
      }
      try {
        Topic t = new Topic(f[0], Integer.parseInt(f[1]), Long.parseLong(f[2]), f[3]);
        if (!t.name().matches("[A-Za-z0-9._-]{1,249}")) {
          problems.add("topics.txt:" + lineNo + ": invalid topic name " + t.name());
        }
        if (t.partitions() < 1) {
          problems.add("topics.txt:" + lineNo + ": partitions must be positive");
        }
        if (t.retentionMs() < -1 || t.retentionMs() == 0) {
          problems.add("topics.txt:" + lineNo + ": retention.ms must be -1 (forever) or positive");
        }
        if (!POLICIES.contains(t.cleanupPolicy())) {
          problems.add("topics.txt:" + lineNo + ": unknown cleanup.policy " + t.cleanupPolicy());
        }
        if (topics.put(t.name(), t) != null) {
          problems.add("topics.txt:" + lineNo + ": topic " + t.name() + " listed twice");
        }
      } catch (NumberFormatException e) {
        problems.add("topics.txt:" + lineNo + ": not a number: " + trimmed);
      }
    }
    return topics;
  }

  static List<String> check(Path topicsFile, Path root) {
    List<String> problems = new ArrayList<>();
    Map<String, Topic> topics;
    try {
      topics = parse(topicsFile, problems);
    } catch (RuntimeException e) {
      return List.of("topics.txt unreadable: " + e);
    }
    Map<String, Object> platform = Yamls.load(root.resolve("infra/platform/src/main/resources/fundflow-platform.yml"));
    Object min = Yamls.at(platform, "spring", "cloud", "stream", "kafka", "binder", "min-partition-count");
    int minPartitions = min == null ? 1 : Integer.parseInt(String.valueOf(min));
    Object dlqPartitions = Yamls.at(platform, "spring", "cloud", "stream", "kafka", "default", "consumer", "dlq-partitions");
    for (Repo.ServiceConfig service : Repo.services(root).values()) {
      for (Map.Entry<String, String> binding : service.bindings().entrySet()) {
        Topic t = topics.get(binding.getValue());
        if (t == null) {
          problems.add(service.name() + ": binding " + binding.getKey() + " reads " + binding.getValue()
              + ", which topics.txt does not create");
        } else if (t.partitions() < minPartitions) {
          problems.add(t.name() + ": " + t.partitions() + " partitions, below the binder's min-partition-count "
              + minPartitions);
        }
      }
      if (!service.bindings().isEmpty()) {
        Topic dlq = topics.get(service.name() + ".dlq");
        if (dlq == null) {
          problems.add(service.name() + ": no dead-letter topic " + service.name() + ".dlq in topics.txt");
        } else if (dlqPartitions != null && dlq.partitions() != Integer.parseInt(String.valueOf(dlqPartitions))) {
          problems.add(dlq.name() + ": " + dlq.partitions() + " partitions, but the binder writes dlq-partitions: "
              + dlqPartitions);
        }
      }
    }
    for (String line : Yamls.read(root.resolve("README.md")).split("\n")) {
      Matcher m = README_TOPIC.matcher(line);
      if (m.find() && !topics.containsKey(m.group(1))) {
        problems.add("README lists topic " + m.group(1) + ", which topics.txt does not create");
      }
    }
    for (Topic t : topics.values()) {
      if (!t.name().endsWith(".dlq") && t.partitions() < minPartitions) {
        problems.add(t.name() + ": " + t.partitions() + " partitions, below " + minPartitions);
      }
    }
    return problems;
  }
}
