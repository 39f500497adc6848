package org.fundflow.milestone.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The applicant's evidence that a milestone was met, with its panel, evaluations and decision. */
public class MilestoneReport {

  private final String id;
  private final String milestoneId;
  private final int attempt;
  private final List<String> deliverablesMet;
  private final List<Evidence> evidence;
  private final long spendingToDateFen;
  private final String submittedBy;
  private final Instant submittedAt;
  private ReportStatus status;
  private int panelSize;
  private final List<PanelSeat> panel;
  private final List<Recusal> recusals;
  private Decision decision;
  private final String requestKey;
  private final String requestFingerprint;
  private final List<EvidenceFile> evidenceFiles;

  public MilestoneReport(String id, String milestoneId, int attempt, List<String> deliverablesMet,
      List<Evidence> evidence, long spendingToDateFen, String submittedBy, Instant submittedAt, ReportStatus status,
      int panelSize, List<PanelSeat> panel, List<Recusal> recusals, Decision decision, String requestKey,
      String requestFingerprint, List<EvidenceFile> evidenceFiles) {
    this.id = id;
    this.milestoneId = milestoneId;
    this.attempt = attempt;
    this.deliverablesMet = deliverablesMet == null ? List.of() : List.copyOf(deliverablesMet);
    this.evidence = evidence == null ? List.of() : List.copyOf(evidence);
    this.spendingToDateFen = spendingToDateFen;
    this.submittedBy = submittedBy;
    this.submittedAt = submittedAt;
    this.status = status;
    this.panelSize = panelSize;
    this.panel = panel == null ? new ArrayList<>() : new ArrayList<>(panel);
    this.recusals = recusals == null ? new ArrayList<>() : new ArrayList<>(recusals);
    this.decision = decision;
    this.requestKey = requestKey;
    this.requestFingerprint = requestFingerprint;
    this.evidenceFiles = evidenceFiles == null ? List.of() : List.copyOf(evidenceFiles);
  }

  /** The submitter's Idempotency-Key, if it gave one. */
  public String getRequestKey() {
    return requestKey;
  }

  public String getRequestFingerprint() {
    return requestFingerprint;
  }

  public Optional<PanelSeat> seatOf(String expertId) {
    return panel.stream().filter(s -> s.getExpertId().equals(expertId)).findFirst();
  }

  public boolean isDecided() {
    return status == ReportStatus.DECIDED;
  }

  /** Every seat of the panel is taken, declared and scored. */
  boolean readyForDecision() {
    return status == ReportStatus.UNDER_REVIEW && panel.size() == panelSize
        && panel.stream().allMatch(s -> s.hasDeclared() && s.hasScored());
  }

  void formPanel(List<PanelSeat> seats) {
    panel.clear();
    panel.addAll(seats);
    panelSize = seats.size();
    status = ReportStatus.UNDER_REVIEW;
  }

  void addSeat(PanelSeat seat) {
    panel.add(seat);
  }

  void recuse(String expertId, String reason, Instant at) {
    panel.removeIf(s -> s.getExpertId().equals(expertId));
    recusals.add(new Recusal(expertId, reason, at));
  }

  void decide(Decision decision) {
    this.decision = decision;
    this.status = ReportStatus.DECIDED;
  }

  public String getId() {
    return id;
  }

  public String getMilestoneId() {
    return milestoneId;
  }

  public int getAttempt() {
    return attempt;
  }

  public List<String> getDeliverablesMet() {
    return deliverablesMet;
  }

  public List<Evidence> getEvidence() {
    return evidence;
  }

  /** The stored evidence files the submission named (frozen with the report). */
  public List<EvidenceFile> getEvidenceFiles() {
    return evidenceFiles;
  }

  public long getSpendingToDateFen() {
    return spendingToDateFen;
  }

  public String getSubmittedBy() {
    return submittedBy;
  }

  public Instant getSubmittedAt() {
    return submittedAt;
  }

  public ReportStatus getStatus() {
    return status;
  }

  public int getPanelSize() {
    return panelSize;
  }

  public List<PanelSeat> getPanel() {
    return List.copyOf(panel);
  }

  public List<Recusal> getRecusals() {
    return List.copyOf(recusals);
  }

  public Decision getDecision() {
    return decision;
  }
}
