package org.fundflow.intake.domain;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** When proposals may be submitted: [opensAt, closesAt), set and shown in Asia/Shanghai time. */
public record CallWindow(Instant opensAt, Instant closesAt) {

  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  public CallWindow {
    if (opensAt == null || closesAt == null) {
      throw IntakeRefusal.rule("invalid-call-window", "Invalid call window", "the call window needs opensAt and closesAt");
    }
    if (!opensAt.isBefore(closesAt)) {
      throw IntakeRefusal.rule("invalid-call-window", "Invalid call window", "the call window must open before it closes");
    }
  }

  /** A window given in Asia/Shanghai local time. */
  public static CallWindow inShanghai(LocalDateTime opens, LocalDateTime closes) {
    if (opens == null || closes == null) {
      throw IntakeRefusal.rule("invalid-call-window", "Invalid call window", "the call window needs opensAt and closesAt");
    }
    return new CallWindow(opens.atZone(ZONE).toInstant(), closes.atZone(ZONE).toInstant());
  }

  public boolean isOpenAt(Instant now) {
    return !now.isBefore(opensAt) && now.isBefore(closesAt);
  }

  public LocalDateTime opensLocal() {
    return LocalDateTime.ofInstant(opensAt, ZONE);
  }

  public LocalDateTime closesLocal() {
    return LocalDateTime.ofInstant(closesAt, ZONE);
  }
}
