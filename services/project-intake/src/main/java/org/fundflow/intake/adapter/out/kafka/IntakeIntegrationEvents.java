package org.fundflow.intake.adapter.out.kafka;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fundflow.intake.domain.Challenge;
import org.fundflow.intake.domain.IntakeEvent;
import org.fundflow.intake.domain.Milestone;
import org.fundflow.intake.domain.Program;
import org.fundflow.intake.domain.ProgramTerms;
import org.fundflow.intake.domain.Proposal;
import org.fundflow.intake.domain.TeamMember;
import org.fundflow.platform.outbox.OutboxEvent;
import org.fundflow.platform.outbox.OutboxEvents;

/**
 * Domain events -> integration events (shared-schemas/EVENTS.md): topic, CloudEvents type, key and
 * exactly the data consumers need. Optional fields are left out rather than sent as null.
 */
public final class IntakeIntegrationEvents {

  public static final String PROGRAM_TOPIC = "intake.program-events";
  public static final String PROPOSAL_TOPIC = "intake.proposal-events";
  public static final String PROGRAM_PUBLISHED = "fundflow.intake.program-published.v1";
  public static final String PROGRAM_CHANGED = "fundflow.intake.program-changed.v1";
  public static final String CHALLENGE_PUBLISHED = "fundflow.intake.challenge-published.v1";
  public static final String PROPOSAL_SUBMITTED = "fundflow.intake.proposal-submitted.v1";
  public static final String PROPOSAL_WITHDRAWN = "fundflow.intake.proposal-withdrawn.v1";
  public static final String PROPOSAL_AWARDED = "fundflow.intake.proposal-awarded.v1";
  public static final String PROPOSAL_REJECTED = "fundflow.intake.proposal-rejected.v1";

  private final OutboxEvents events;

  public IntakeIntegrationEvents(OutboxEvents events) {
    this.events = events;
  }

  public List<OutboxEvent> toOutbox(List<IntakeEvent> domainEvents, String correlationId) {
    List<OutboxEvent> out = new ArrayList<>();
    for (IntakeEvent e : domainEvents) {
      out.add(toOutbox(e, correlationId));
    }
    return out;
  }

  public OutboxEvent toOutbox(IntakeEvent e, String correlationId) {
    if (e instanceof IntakeEvent.ProgramPublished p) {
      return events.create(PROGRAM_TOPIC, PROGRAM_PUBLISHED, p.program().id(), p.program().id(), correlationId,
          programData(p.program()));
    }
    if (e instanceof IntakeEvent.ProgramChanged p) {
      Map<String, Object> data = programData(p.program());
      data.put("changedAt", text(p.at()));
      return events.create(PROGRAM_TOPIC, PROGRAM_CHANGED, p.program().id(), p.program().id(), correlationId, data);
    }
    if (e instanceof IntakeEvent.ChallengePublished c) {
      return events.create(PROGRAM_TOPIC, CHALLENGE_PUBLISHED, c.challenge().programId(), c.challenge().id(),
          correlationId, challengeData(c.challenge()));
    }
    if (e instanceof IntakeEvent.ProposalSubmitted s) {
      return events.create(PROPOSAL_TOPIC, PROPOSAL_SUBMITTED, s.proposal().id(), s.proposal().id(), correlationId,
          submittedData(s.proposal(), s.at(), s.files()));
    }
    if (e instanceof IntakeEvent.ProposalWithdrawn w) {
      Proposal p = w.proposal();
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("proposalId", p.id());
      data.put("programId", p.programId());
      data.put("organisationCode", p.organisationCode());
      data.put("withdrawnAt", text(w.at()));
      return events.create(PROPOSAL_TOPIC, PROPOSAL_WITHDRAWN, p.id(), p.id(), correlationId, data);
    }
    if (e instanceof IntakeEvent.ProposalAwarded a) {
      return events.create(PROPOSAL_TOPIC, PROPOSAL_AWARDED, a.proposal().projectId(), a.proposal().projectId(),
          correlationId, awardedData(a.proposal(), a.program(), a.at()));
    }
    if (e instanceof IntakeEvent.ProposalRejected r) {
      Proposal p = r.proposal();
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("proposalId", p.id());
      data.put("programId", p.programId());
      data.put("organisationCode", p.organisationCode());
      data.put("reason", p.rejectionReason());
      data.put("rejectedAt", text(r.at()));
      return events.create(PROPOSAL_TOPIC, PROPOSAL_REJECTED, p.id(), p.id(), correlationId, data);
    }
    throw new IllegalArgumentException("no integration event for " + e.getClass().getSimpleName());
  }

  static Map<String, Object> programData(Program program) {
    ProgramTerms t = program.terms();
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("programId", program.id());
    data.put("kind", t.kind().name());
    data.put("name", t.name());
    data.put("status", program.status().name());
    data.put("budgetFen", t.budgetFen());
    data.put("perProjectCapFen", t.perProjectCapFen());
    Map<String, Object> window = new LinkedHashMap<>();
    window.put("opensAt", text(t.callWindow().opensAt()));
    window.put("closesAt", text(t.callWindow().closesAt()));
    window.put("timeZone", "Asia/Shanghai");
    data.put("callWindow", window);
    if (t.fundingSplit() != null) {
      data.put("fundingSplit", Map.of("advancePercent", t.fundingSplit().advancePercent(),
          "balancePercent", t.fundingSplit().balancePercent()));
    }
    if (t.postSubsidyRule() != null) {
      Map<String, Object> rule = new LinkedHashMap<>();
      rule.put("base", t.postSubsidyRule().base().name());
      rule.put("tiers", t.postSubsidyRule().tiers().stream()
          .map(tier -> Map.of("fromFen", tier.fromFen(), "rateBasisPoints", tier.rateBasisPoints())).toList());
      if (t.postSubsidyRule().capped()) {
        // no cap = the field left out (never 0)
        rule.put("capPerOrganisationPerYearFen", t.postSubsidyRule().capPerOrganisationPerYearFen());
      }
      rule.put("minimumIncreaseFen", t.postSubsidyRule().minimumIncreaseFen());
      data.put("postSubsidyRule", rule);
    }
    data.put("publishedAt", text(program.publishedAt()));
    data.put("revision", program.revision());
    return data;
  }

  static Map<String, Object> challengeData(Challenge c) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("programId", c.programId());
    data.put("challengeId", c.id());
    data.put("postingOrganisationCode", c.postingOrganisationCode());
    data.put("postingOrganisationName", c.postingOrganisationName());
    data.put("title", c.title());
    data.put("problem", c.problem());
    data.put("targetIndicators", c.targetIndicators());
    data.put("maxFundingFen", c.maxFundingFen());
    data.put("deadlineDate", c.deadlineDate().toString());
    data.put("publishedAt", text(c.publishedAt()));
    return data;
  }

  static Map<String, Object> submittedData(Proposal p, Instant at) {
    return submittedData(p, at, java.util.List.of());
  }

  static Map<String, Object> submittedData(Proposal p, Instant at, java.util.List<org.fundflow.intake.domain.ProposalFile> files) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("proposalId", p.id());
    data.put("programId", p.programId());
    data.put("programKind", p.programKind().name());
    if (p.challengeId() != null) {
      data.put("challengeId", p.challengeId());
    }
    data.put("organisationCode", p.organisationCode());
    data.put("organisationName", nameOf(p));
    data.put("title", p.content().title());
    data.put("abstract", p.content().abstractText());
    data.put("keywords", p.content().keywords());
    data.put("requestedAmountFen", p.content().requestedAmountFen());
    data.put("principalInvestigator", person(p.content().principalInvestigator(), false));
    data.put("team", p.content().team().stream().map(m -> person(m, true)).toList());
    data.put("pledge", Map.of("textVersion", p.pledge().textVersion(), "acceptedAt", text(p.pledge().acceptedAt())));
    data.put("submittedAt", text(at));
    // the stored files' metadata, never their bytes (optional, additive: see the schema)
    data.put("attachments", files.stream().map(f -> {
      Map<String, Object> file = new LinkedHashMap<>();
      file.put("fileId", f.fileId());
      file.put("name", f.name());
      file.put("mediaType", f.mediaType());
      file.put("sizeBytes", f.sizeBytes());
      file.put("sha256", f.sha256());
      file.put("uploadedAt", text(f.uploadedAt()));
      return file;
    }).toList());
    return data;
  }

  static Map<String, Object> awardedData(Proposal p, Program program, Instant at) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("proposalId", p.id());
    data.put("projectId", p.projectId());
    data.put("programId", p.programId());
    data.put("programKind", p.programKind().name());
    if (p.challengeId() != null) {
      data.put("challengeId", p.challengeId());
    }
    data.put("organisationCode", p.organisationCode());
    data.put("organisationName", nameOf(p));
    data.put("title", p.content().title());
    data.put("awardedAmountFen", p.awardedAmountFen());
    if (program.terms().fundingSplit() != null) {
      data.put("fundingSplit", Map.of("advancePercent", program.terms().fundingSplit().advancePercent(),
          "balancePercent", program.terms().fundingSplit().balancePercent()));
    }
    List<Map<String, Object>> milestones = new ArrayList<>();
    for (Milestone m : p.projectMilestones()) {
      Map<String, Object> ms = new LinkedHashMap<>();
      ms.put("milestoneId", p.milestoneId(m));
      ms.put("sequence", m.sequence());
      ms.put("title", m.title());
      ms.put("deliverables", m.deliverables());
      ms.put("dueDate", m.dueDate().toString());
      ms.put("tranchePercent", m.tranchePercent());
      milestones.add(ms);
    }
    data.put("milestones", milestones);
    data.put("principalInvestigator", person(p.content().principalInvestigator(), false));
    data.put("team", p.content().team().stream().map(m -> person(m, true)).toList());
    data.put("awardedAt", text(at));
    data.put("awardedBy", p.decidedBy());
    return data;
  }

  private static String nameOf(Proposal p) {
    return p.organisationName() != null ? p.organisationName() : p.organisationCode();
  }

  private static Map<String, Object> person(TeamMember m, boolean withRole) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("personIdHash", m.personIdHash());
    data.put("maskedId", m.maskedId());
    data.put("name", m.name());
    data.put("organisationCode", m.organisationCode());
    if (withRole) {
      data.put("role", m.role());
    }
    return data;
  }

  private static String text(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
