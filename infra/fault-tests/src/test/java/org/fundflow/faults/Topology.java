package org.fundflow.faults;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which consumer group (= service) reads which topic and which event types its dispatcher routes there (the
 * services' application.yml bindings and their EventDispatcher routes; {@code TopologyTest} compares the topics
 * with the bindings, so a new binding cannot be forgotten here again). Types a group does not route are skipped on
 * purpose by {@code EventDispatcher}; that is what lets the test predict the dead letters exactly.
 */
final class Topology {

  static final String PROGRAMS = "intake.program-events";
  static final String PROPOSALS = "intake.proposal-events";
  static final String PROJECTS = "milestone.project-events";
  static final String INTEGRITY = "integrity.events";
  static final String CLAIMS = "subsidy.claim-events";
  static final String DISBURSEMENTS = "subsidy.disbursement-events";

  private static final String T = "fundflow.";

  /** group -> topic -> routed types (the first is used for the poison). */
  static final Map<String, Map<String, List<String>>> ROUTES = new LinkedHashMap<>();

  static {
    ROUTES.put("project-intake", Map.of(
        INTEGRITY, List.of(T + "integrity.hold-placed.v1", T + "integrity.hold-lifted.v1"),
        DISBURSEMENTS, List.of(T + "subsidy.award-remainder-released.v1"),
        // its own topic: a withdrawn award returns its amount to the program's budget (issue 17 point 2)
        PROPOSALS, List.of(T + "intake.award-withdrawn.v1"),
        // the expert review score of a proposal (立项评审, ADR 7), on milestone-review's topic keyed by the proposal
        PROJECTS, List.of(T + "milestone.proposal-reviewed.v1")));
    ROUTES.put("milestone-review", Map.of(
        PROPOSALS, List.of(T + "intake.proposal-awarded.v1", T + "intake.proposal-screened.v1"),
        INTEGRITY, List.of(T + "integrity.hold-placed.v1", T + "integrity.hold-lifted.v1"),
        PROGRAMS, List.of(T + "intake.challenge-published.v1")));
    ROUTES.put("post-subsidy", Map.of(
        PROGRAMS, List.of(T + "intake.program-published.v1", T + "intake.program-changed.v1"),
        PROPOSALS, List.of(T + "intake.proposal-awarded.v1", T + "intake.reward-claim-verified.v1",
            T + "intake.voucher-redeemed.v1"),
        PROJECTS, List.of(T + "milestone.milestone-accepted.v1", T + "milestone.project-completed.v1",
            T + "milestone.project-terminated.v1", T + "milestone.project-suspended.v1",
            T + "milestone.project-resumed.v1"),
        INTEGRITY, List.of(T + "integrity.hold-placed.v1", T + "integrity.hold-lifted.v1",
            T + "integrity.case-decided.v1"),
        CLAIMS, List.of(T + "subsidy.expenditure-claim-verified.v1")));
    ROUTES.put("integrity-check", Map.of(
        PROPOSALS, List.of(T + "intake.proposal-submitted.v1", T + "intake.voucher-contracted.v1",
            T + "intake.voucher-redeemed.v1"),
        PROJECTS, List.of(T + "milestone.expert-evaluation-submitted.v1", T + "milestone.project-terminated.v1",
            T + "milestone.diligence-assessed.v1"),
        CLAIMS, List.of(T + "subsidy.expenditure-claim-submitted.v1"),
        DISBURSEMENTS, List.of(T + "subsidy.disbursement-created.v1", T + "subsidy.disbursement-released.v1",
            T + "subsidy.recovery-opened.v1", T + "subsidy.recovery-settled.v1")));
  }

  private Topology() {}

  static Set<String> topics() {
    Set<String> topics = new LinkedHashSet<>();
    ROUTES.values().forEach(m -> topics.addAll(m.keySet()));
    return topics;
  }

  static List<String> topicsOf(String group) {
    return List.copyOf(ROUTES.get(group).keySet());
  }

  static List<String> groupsOf(String topic) {
    return ROUTES.entrySet().stream().filter(e -> e.getValue().containsKey(topic)).map(Map.Entry::getKey).toList();
  }

  static boolean routes(String group, String topic, String type) {
    return ROUTES.get(group).getOrDefault(topic, List.of()).contains(type);
  }

  /** The types poisoned on a topic: for each group reading it, one type that group routes. */
  static Set<String> poisonTypes(String topic) {
    Set<String> types = new LinkedHashSet<>();
    groupsOf(topic).forEach(g -> types.add(ROUTES.get(g).get(topic).get(0)));
    return types;
  }
}
