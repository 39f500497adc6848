package org.fundflow.intake.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The public notice of an award (立项公示): from the award decision to {@code endsAt}; the objections lodged during
 * it; when the award became final ({@code finalAt}) or was withdrawn because an objection was upheld
 * ({@code withdrawnAt}, by whom and why).
 */
public record AwardNotice(Instant startedAt, Instant endsAt, List<Objection> objections, Instant finalAt,
    Instant withdrawnAt, String withdrawnBy, String withdrawalReason) {

  /** Bounds the proposal document: far above what a notice draws. */
  public static final int MAX_OBJECTIONS = 200;

  public AwardNotice {
    objections = objections == null ? List.of() : List.copyOf(objections);
  }

  public static AwardNotice started(Instant at, Instant endsAt) {
    return new AwardNotice(at, endsAt, List.of(), null, null, null, null);
  }

  public boolean endedAt(Instant now) {
    return !now.isBefore(endsAt);
  }

  public boolean anyPending() {
    return objections.stream().anyMatch(Objection::pending);
  }

  public Optional<Objection> objection(String objectionId) {
    return objections.stream().filter(o -> o.objectionId().equals(objectionId)).findFirst();
  }

  AwardNotice with(List<Objection> newObjections) {
    return new AwardNotice(startedAt, endsAt, newObjections, finalAt, withdrawnAt, withdrawnBy, withdrawalReason);
  }

  AwardNotice finalised(Instant at) {
    return new AwardNotice(startedAt, endsAt, objections, at, null, null, null);
  }

  AwardNotice withdrawn(List<Objection> newObjections, Instant at, String by, String reason) {
    return new AwardNotice(startedAt, endsAt, newObjections, null, at, by, reason);
  }
}
