package org.fundflow.milestone.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.fundflow.platform.domain.RequestFingerprint;

/**
 * The applicant's evidence that a milestone was met, with its {@link Panel}, evaluations and decision. Immutable:
 * every change returns the next report; the report's status rules are here, the panel's in {@link Panel}.
 */
public record MilestoneReport(String id, String milestoneId, int attempt, List<String> deliverablesMet,
    List<Evidence> evidence, long spendingToDateFen, String submittedBy, Instant submittedAt, ReportStatus status,
    int panelSize, List<PanelSeat> panel, List<Recusal> recusals, Decision decision, String requestKey,
    String requestFingerprint, List<EvidenceFile> evidenceFiles) {

  public MilestoneReport {
    deliverablesMet = deliverablesMet == null ? List.of() : List.copyOf(deliverablesMet);
    evidence = evidence == null ? List.of() : List.copyOf(evidence);
    panel = panel == null ? List.of() : List.copyOf(panel);
    recusals = recusals == null ? List.of() : List.copyOf(recusals);
    evidenceFiles = evidenceFiles == null ? List.of() : List.copyOf(evidenceFiles);
  }

  /**
   * The applicant's report on {@code milestone}, its {@code attempt}-th, naming the stored {@code evidenceFiles} of the
   * milestone (frozen with it, docs/adr/0006; a file is named once). With an Idempotency-Key, the report keeps the key
   * and the {@link #fingerprint fingerprint} of its content, so a replay is recognised.
   */
  static MilestoneReport submitted(String id, Milestone milestone, int attempt, List<String> deliverablesMet,
      List<Evidence> evidence, List<EvidenceFile> evidenceFiles, long spendingToDateFen, String submittedBy,
      Instant at, String requestKey, String requestedMilestoneId) {
    List<String> fileIds = evidenceFiles.stream().map(EvidenceFile::fileId).toList();
    if (fileIds.stream().distinct().count() != fileIds.size()) {
      throw DomainRuleException.rule("invalid-evidence", "a file can be named once per report");
    }
    return new MilestoneReport(id, milestone.id(), attempt, deliverablesMet, evidence, spendingToDateFen,
        submittedBy, at, ReportStatus.SUBMITTED, 0, List.of(), List.of(), null, requestKey,
        requestKey == null ? null
            : fingerprint(requestedMilestoneId, deliverablesMet, evidence, spendingToDateFen, fileIds),
        evidenceFiles);
  }

  /** What a report must say: at least one deliverable met, and spending that is not negative. */
  static void requireContent(List<String> deliverablesMet, long spendingToDateFen) {
    if (spendingToDateFen < 0) {
      throw DomainRuleException.rule("invalid-report", "spending to date cannot be negative");
    }
    if (deliverablesMet == null || deliverablesMet.isEmpty()) {
      throw DomainRuleException.rule("invalid-report", "name at least one deliverable met");
    }
  }

  /** The {@link #fingerprint(String, List, List, long, List) fingerprint} of a submission naming no evidence file. */
  public static String fingerprint(String milestoneId, List<String> deliverablesMet, List<Evidence> evidence,
      long spendingToDateFen) {
    return fingerprint(milestoneId, deliverablesMet, evidence, spendingToDateFen, List.of());
  }

  /**
   * What identifies the content of a report submission, for Idempotency-Key replays: the SHA-256 (hex) of the
   * milestone asked for, the deliverables met, the evidence, the spending and the ids of the evidence files it names,
   * each field length-prefixed.
   */
  public static String fingerprint(String milestoneId, List<String> deliverablesMet, List<Evidence> evidence,
      long spendingToDateFen, List<String> evidenceFileIds) {
    List<String> fields = new ArrayList<>();
    fields.add(String.valueOf(milestoneId));
    fields.add(String.valueOf(deliverablesMet == null ? List.of() : deliverablesMet.size()));
    if (deliverablesMet != null) {
      fields.addAll(deliverablesMet);
    }
    List<Evidence> files = evidence == null ? List.of() : evidence;
    fields.add(String.valueOf(files.size()));
    files.forEach(e -> {
      fields.add(e.name());
      fields.add(e.sha256());
    });
    fields.add(Long.toString(spendingToDateFen));
    List<String> fileIds = evidenceFileIds == null ? List.of() : evidenceFileIds;
    fields.add(String.valueOf(fileIds.size()));
    fields.addAll(fileIds);
    return RequestFingerprint.of(fields);
  }

  public Optional<PanelSeat> seatOf(String expertId) {
    return currentPanel().seatOf(expertId);
  }

  /**
   * Whether an earlier submission with this Idempotency-Key created this report; the same key with a different body
   * ({@link #fingerprint}) is refused.
   */
  boolean createdBy(String requestKey, String fingerprint) {
    if (requestKey == null || !requestKey.equals(this.requestKey)) {
      return false;
    }
    if (!requestFingerprint.equals(fingerprint)) {
      throw DomainRuleException.rule("idempotency-key-reused",
          "Idempotency-Key " + requestKey + " was used for a different report (" + id + ")");
    }
    return true;
  }

  /** The report as an assigned expert sees it, once it has declared that it has no conflict of interest. */
  MilestoneReport seenBy(String expertId) {
    if (!currentPanel().seatOfAssigned(expertId).hasDeclared()) {
      throw DomainRuleException.notAllowed("declaration-required",
          "declare that you have no conflict of interest (回避声明) before seeing report " + id);
    }
    return this;
  }

  public boolean isDecided() {
    return status == ReportStatus.DECIDED;
  }

  /** The panel's parts as one value, with the panel's rules. */
  Panel currentPanel() {
    return new Panel(id, panelSize, panel, recusals);
  }

  /** Every seat of the panel is taken, declared and scored. */
  boolean readyForDecision() {
    return status == ReportStatus.UNDER_REVIEW && currentPanel().complete();
  }

  /** A program manager forms the panel of a report that has none yet. */
  MilestoneReport panelFormed(List<ExpertProfile> experts, Function<ExpertProfile, Optional<String>> conflicts,
      Instant now) {
    if (status != ReportStatus.SUBMITTED) {
      throw DomainRuleException.illegal("panel-exists", "report " + id + " is " + status
          + ": its panel was formed already");
    }
    return with(ReportStatus.UNDER_REVIEW, currentPanel().formed(experts, conflicts, now), decision);
  }

  /** A program manager fills a seat left free by an expert who declared a conflict. */
  MilestoneReport expertAdded(ExpertProfile expert, Function<ExpertProfile, Optional<String>> conflicts, Instant now) {
    if (status != ReportStatus.UNDER_REVIEW) {
      throw DomainRuleException.illegal("panel-not-open", "report " + id + " is " + status);
    }
    return with(status, currentPanel().withExpert(expert, conflicts, now), decision);
  }

  /** An assigned expert's 回避声明: no conflict (it may now see and score), or a conflict (it leaves). */
  MilestoneReport declared(String expertId, boolean conflict, String reason, Instant now) {
    Panel current = currentPanel();
    current.seatOfAssigned(expertId);
    if (isDecided()) {
      throw DomainRuleException.illegal("panel-closed", "report " + id + " is decided");
    }
    return with(status, conflict ? current.recused(expertId, reason, now) : current.declaredNoConflict(expertId, now),
        decision);
  }

  /** Whether the expert's seat holds exactly this score already (its evaluation, whenever it was given). */
  boolean scoredAlready(String expertId, Scores scores, Recommendation recommendation, String comments) {
    return currentPanel().seatOf(expertId).map(PanelSeat::evaluation)
        .filter(e -> e.sameAs(scores, recommendation, comments)).isPresent();
  }

  /** An assigned expert who declared no conflict scores the report, or corrects its score, until it is decided. */
  MilestoneReport evaluated(String expertId, Evaluation evaluation) {
    Panel next = currentPanel().evaluated(expertId, evaluation);
    if (status != ReportStatus.UNDER_REVIEW) {
      throw DomainRuleException.illegal("panel-closed", "report " + id + " is " + status);
    }
    return with(status, next, decision);
  }

  MilestoneReport decided(Decision decision) {
    return with(ReportStatus.DECIDED, currentPanel(), decision);
  }

  private MilestoneReport with(ReportStatus status, Panel panel, Decision decision) {
    return new MilestoneReport(id, milestoneId, attempt, deliverablesMet, evidence, spendingToDateFen, submittedBy,
        submittedAt, status, panel.size(), panel.seats(), panel.recusals(), decision, requestKey, requestFingerprint,
        evidenceFiles);
  }
}
