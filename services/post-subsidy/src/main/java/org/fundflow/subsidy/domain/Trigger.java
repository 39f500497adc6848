package org.fundflow.subsidy.domain;

import java.util.Objects;

/**
 * The fact that created a disbursement. The disbursement id is derived from it ({@link #disbursementId()}),
 * so a redelivered or repeated trigger hits the same id and can never create a second payment.
 *
 * @param reference what was triggered: project id, project id + milestone id, or claim id
 * @param eventId the id of the event that carried the trigger (first delivery wins)
 */
public record Trigger(TriggerKind kind, String reference, String eventId) {

  public Trigger {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(reference, "reference");
  }

  public static Trigger advance(String projectId, String eventId) {
    return new Trigger(TriggerKind.ADVANCE, projectId, eventId);
  }

  public static Trigger balance(String projectId, String eventId) {
    return new Trigger(TriggerKind.BALANCE, projectId, eventId);
  }

  public static Trigger tranche(String projectId, String milestoneId, String eventId) {
    return new Trigger(TriggerKind.TRANCHE, projectId + "-" + milestoneId, eventId);
  }

  public static Trigger postSubsidy(String claimId, String eventId) {
    return new Trigger(TriggerKind.POST_SUBSIDY, claimId, eventId);
  }

  /**
   * A verified reward claim (issue 18 point 3): the reference is the organisation and the achievement, so an
   * organisation is paid at most once per achievement whatever claim or event carries it.
   */
  public static Trigger reward(String organisationCode, String achievementCode, String eventId) {
    return new Trigger(TriggerKind.REWARD, organisationCode + "-" + achievementCode, eventId);
  }

  /** A redeemed voucher: one disbursement per voucher, whatever is redelivered. */
  public static Trigger voucher(String voucherId, String eventId) {
    return new Trigger(TriggerKind.VOUCHER, voucherId, eventId);
  }

  public String disbursementId() {
    return kind.prefix() + reference;
  }
}
