package org.fundflow.integrity.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A bar on applying and being paid, for a period. Placed by a confirmed (or investigating) case,
 * or at once by a dishonesty-list flag. Ends at {@code endsAt} by itself, or when lifted. Announced once as
 * expiring before that ({@code expiryAnnouncedAt}, issue 16: the integrity officers are told).
 */
public record Hold(String holdId, Subject subject, String reason, String caseId, String flagId, Instant startsAt,
    Instant endsAt, String placedBy, Instant placedAt, HoldStatus status, HoldLiftReason liftReason, String liftNote,
    String liftedBy, Instant liftedAt, Instant expiryAnnouncedAt) {

  /**
   * What a hold in force blocks, as the other services honour it: new submissions (and awards) in project-intake,
   * and payments (post-subsidy holds the disbursements, milestone-review's acceptance waits).
   */
  public static final java.util.List<String> BLOCKS = java.util.List.of("SUBMISSIONS", "PAYMENTS");

  public Hold {
    Objects.requireNonNull(holdId, "holdId");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(startsAt, "startsAt");
    Objects.requireNonNull(endsAt, "endsAt");
    Objects.requireNonNull(status, "status");
    if (!endsAt.isAfter(startsAt)) {
      throw new IllegalArgumentException("a hold must end after it starts");
    }
  }

  public static Hold placed(String holdId, Subject subject, String reason, String caseId, String flagId,
      Instant startsAt, Instant endsAt, String placedBy, Instant placedAt) {
    return new Hold(holdId, subject, reason, caseId, flagId, startsAt, endsAt, placedBy, placedAt, HoldStatus.ACTIVE,
        null, null, null, null, null);
  }

  public boolean active() {
    return status == HoldStatus.ACTIVE;
  }

  public boolean dueToExpire(Instant now) {
    return active() && !endsAt.isAfter(now);
  }

  /** A recovery hold (追回) whose order is unpaid: not lifted by an officer, never expires. */
  boolean recoveryOutstanding() {
    return placedBy != null && placedBy.startsWith("recovery/") && !placedBy.endsWith("#settled");
  }

  /** The recovery hold once its order is settled (repaid or written off); settled once. */
  Hold settled() {
    return placedBy.endsWith("#settled") ? this : new Hold(holdId, subject, reason, caseId, flagId, startsAt, endsAt,
        placedBy + "#settled", placedAt, status, liftReason, liftNote, liftedBy, liftedAt, expiryAnnouncedAt);
  }

  public Hold lifted(HoldLiftReason reason, String note, String by, Instant at) {
    return new Hold(holdId, subject, this.reason, caseId, flagId, startsAt, endsAt, placedBy, placedAt,
        HoldStatus.LIFTED, reason, note, by, at, expiryAnnouncedAt);
  }

  /**
   * Whether it is to be announced as expiring at {@code now}: active, ends by itself within {@code lead} (an unpaid
   * recovery's hold never does), and not announced yet.
   */
  boolean expiringWithin(Instant now, java.time.Duration lead) {
    return active() && expiryAnnouncedAt == null && !recoveryOutstanding() && endsAt.isAfter(now)
        && !endsAt.isAfter(now.plus(lead));
  }

  Hold expiryAnnounced(Instant at) {
    return new Hold(holdId, subject, reason, caseId, flagId, startsAt, endsAt, placedBy, placedAt, status, liftReason,
        liftNote, liftedBy, liftedAt, at);
  }
}
