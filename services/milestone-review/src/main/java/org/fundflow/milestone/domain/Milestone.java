package org.fundflow.milestone.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One stage of a project's plan: deliverables, a due date and the tranche % paid on acceptance. */
public class Milestone {

  private final String id;
  private final int sequence;
  private final String title;
  private final List<String> deliverables;
  private final LocalDate dueDate;
  private final int tranchePercent;
  private MilestoneStatus status;
  private int failedReviews;
  private Instant rectifyBy;
  private Instant acceptedAt;

  public Milestone(String id, int sequence, String title, List<String> deliverables, LocalDate dueDate,
      int tranchePercent, MilestoneStatus status, int failedReviews, Instant rectifyBy, Instant acceptedAt) {
    this.id = id;
    this.sequence = sequence;
    this.title = title;
    this.deliverables = deliverables == null ? List.of() : List.copyOf(deliverables);
    this.dueDate = dueDate;
    this.tranchePercent = tranchePercent;
    this.status = status;
    this.failedReviews = failedReviews;
    this.rectifyBy = rectifyBy;
    this.acceptedAt = acceptedAt;
  }

  public static Milestone planned(String id, int sequence, String title, List<String> deliverables, LocalDate dueDate,
      int tranchePercent) {
    return new Milestone(id, sequence, title, deliverables, dueDate, tranchePercent, MilestoneStatus.OPEN, 0, null, null);
  }

  void underReview() {
    status = MilestoneStatus.UNDER_REVIEW;
  }

  void rectify(Instant by) {
    status = MilestoneStatus.RECTIFYING;
    rectifyBy = by;
  }

  /** @return how many reviews of this milestone have FAILED so far */
  int fail() {
    failedReviews++;
    status = MilestoneStatus.OPEN;
    rectifyBy = null;
    return failedReviews;
  }

  void finallyFailed() {
    status = MilestoneStatus.FAILED;
  }

  void awaitAcceptance() {
    status = MilestoneStatus.ACCEPTANCE_ON_HOLD;
  }

  void accept(Instant at) {
    status = MilestoneStatus.ACCEPTED;
    acceptedAt = at;
    rectifyBy = null;
  }

  public String getId() {
    return id;
  }

  public int getSequence() {
    return sequence;
  }

  public String getTitle() {
    return title;
  }

  public List<String> getDeliverables() {
    return deliverables;
  }

  public LocalDate getDueDate() {
    return dueDate;
  }

  public int getTranchePercent() {
    return tranchePercent;
  }

  public MilestoneStatus getStatus() {
    return status;
  }

  public int getFailedReviews() {
    return failedReviews;
  }

  public Instant getRectifyBy() {
    return rectifyBy;
  }

  public Instant getAcceptedAt() {
    return acceptedAt;
  }
}
