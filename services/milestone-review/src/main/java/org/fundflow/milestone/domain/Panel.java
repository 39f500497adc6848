package org.fundflow.milestone.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The experts who review one report and the rules of their panel: at least {@link #MIN_SIZE} experts and an odd
 * number, each at most once, none in conflict with the project (回避) nor recused from this report; a seat left by
 * a recusal is filled by the manager; the panel can decide once every seat is taken, declared and scored.
 * Immutable: every change returns the next panel. A report stores its panel's parts (size, seats, recusals).
 *
 * @param size the number of seats formed (0 before the panel is formed)
 */
public record Panel(String reportId, int size, List<PanelSeat> seats, List<Recusal> recusals) {

  public static final int MIN_SIZE = 3;

  public Panel {
    seats = seats == null ? List.of() : List.copyOf(seats);
    recusals = recusals == null ? List.of() : List.copyOf(recusals);
  }

  /**
   * The first panel of the report.
   *
   * @param conflictWithProject why an expert may not review the project, if it may not
   */
  Panel formed(List<ExpertProfile> experts, Function<ExpertProfile, Optional<String>> conflictWithProject,
      Instant now) {
    Set<String> distinct = new HashSet<>();
    experts.forEach(e -> distinct.add(e.id()));
    if (distinct.size() != experts.size()) {
      throw DomainRuleException.rule("invalid-panel", "an expert can sit on a panel only once");
    }
    if (experts.size() < MIN_SIZE || experts.size() % 2 == 0) {
      throw DomainRuleException.rule("invalid-panel",
          "a panel needs at least " + MIN_SIZE + " experts and an odd number, not " + experts.size());
    }
    List<PanelSeat> formed = new ArrayList<>();
    for (ExpertProfile expert : experts) {
      refuseConflicted(expert, conflictWithProject);
      formed.add(PanelSeat.assigned(expert, now));
    }
    return new Panel(reportId, formed.size(), formed, recusals);
  }

  /** An expert in the seat a recusal left free. */
  Panel withExpert(ExpertProfile expert, Function<ExpertProfile, Optional<String>> conflictWithProject, Instant now) {
    if (seats.size() >= size) {
      throw DomainRuleException.illegal("panel-full", "the panel of report " + reportId + " has no free seat");
    }
    if (seatOf(expert.id()).isPresent()) {
      throw DomainRuleException.rule("invalid-panel", "expert " + expert.id() + " is on the panel already");
    }
    refuseConflicted(expert, conflictWithProject);
    List<PanelSeat> next = new ArrayList<>(seats);
    next.add(PanelSeat.assigned(expert, now));
    return new Panel(reportId, size, next, recusals);
  }

  private void refuseConflicted(ExpertProfile expert, Function<ExpertProfile, Optional<String>> conflictWithProject) {
    Optional<String> conflict = conflictWithProject.apply(expert);
    if (conflict.isPresent()) {
      throw DomainRuleException.rule("expert-conflict", conflict.get());
    }
    if (recusals.stream().anyMatch(r -> r.expertId().equals(expert.id()))) {
      throw DomainRuleException.rule("expert-conflict",
          "expert " + expert.id() + " declared a conflict of interest with report " + reportId);
    }
  }

  public Optional<PanelSeat> seatOf(String expertId) {
    return seats.stream().filter(s -> s.expertId().equals(expertId)).findFirst();
  }

  /** The expert's seat, or "not visible" to an expert who has none. */
  PanelSeat seatOfAssigned(String expertId) {
    return seatOf(expertId).orElseThrow(() -> DomainRuleException.notVisible("report", reportId));
  }

  /** The expert declared a conflict of interest: it leaves its seat, which the manager fills again. */
  Panel recused(String expertId, String reason, Instant at) {
    if (seatOfAssigned(expertId).hasScored()) {
      throw DomainRuleException.illegal("already-scored", "you scored report " + reportId + " already");
    }
    List<Recusal> nextRecusals = new ArrayList<>(recusals);
    nextRecusals.add(new Recusal(expertId, reason == null || reason.isBlank() ? "conflict of interest declared" : reason,
        at));
    return new Panel(reportId, size, seats.stream().filter(s -> !s.expertId().equals(expertId)).toList(),
        nextRecusals);
  }

  /** The expert declared no conflict (a second declaration keeps the first one's time). */
  Panel declaredNoConflict(String expertId, Instant at) {
    return seatOfAssigned(expertId).hasDeclared() ? this : withSeat(expertId, s -> s.declaredNoConflict(at));
  }

  /** The expert's score; a correction replaces its own earlier one. It must have declared no conflict first. */
  Panel evaluated(String expertId, Evaluation evaluation) {
    if (!seatOfAssigned(expertId).hasDeclared()) {
      throw DomainRuleException.notAllowed("declaration-required",
          "declare that you have no conflict of interest (回避声明) before scoring report " + reportId);
    }
    return withSeat(expertId, s -> s.evaluated(evaluation));
  }

  private Panel withSeat(String expertId, UnaryOperator<PanelSeat> change) {
    return new Panel(reportId, size,
        seats.stream().map(s -> s.expertId().equals(expertId) ? change.apply(s) : s).toList(), recusals);
  }

  /** Every seat is taken, declared and scored. */
  boolean complete() {
    return size > 0 && seats.size() == size && seats.stream().allMatch(s -> s.hasDeclared() && s.hasScored());
  }

  /** The experts in its seats, in seat order (not those who left by a recusal). */
  public List<String> expertIds() {
    return seats.stream().map(PanelSeat::expertId).toList();
  }

  /** The panel's totals, in seat order (once complete). */
  List<Integer> totals() {
    return seats.stream().map(s -> s.evaluation().total()).toList();
  }
}
