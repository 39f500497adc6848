package org.fundflow.milestone.adapter.in.kafka;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.fundflow.milestone.application.port.in.ApplyHoldUseCase;
import org.fundflow.milestone.application.port.in.ApplyHoldUseCase.HoldCommand;
import org.fundflow.milestone.application.port.in.OpenProjectUseCase;
import org.fundflow.milestone.application.port.in.OpenProjectUseCase.OpenProjectCommand;
import org.fundflow.milestone.domain.Award;
import org.fundflow.milestone.domain.DomainRuleException;
import org.fundflow.milestone.domain.ProgramKind;
import org.fundflow.platform.events.MalformedEventException;
import org.fundflow.platform.events.ReceivedEvent;
import reactor.core.publisher.Mono;

/** Received integration events -> use cases. An award that can never open a project is malformed (DLQ). */
public class IntegrationEventHandlers {

  public static final String PROPOSAL_AWARDED = "fundflow.intake.proposal-awarded.v1";
  public static final String HOLD_PLACED = "fundflow.integrity.hold-placed.v1";
  public static final String HOLD_LIFTED = "fundflow.integrity.hold-lifted.v1";

  private final OpenProjectUseCase openProject;
  private final ApplyHoldUseCase holds;

  public IntegrationEventHandlers(OpenProjectUseCase openProject, ApplyHoldUseCase holds) {
    this.openProject = openProject;
    this.holds = holds;
  }

  public Mono<Boolean> onProposalAwarded(ReceivedEvent<ProposalAwardedMessage> event) {
    Award award = toAward(event.data());
    return openProject.open(new OpenProjectCommand(award, event.eventId()))
        .onErrorMap(DomainRuleException.class, e -> new MalformedEventException("award cannot open a project: "
            + e.getMessage(), e));
  }

  public Mono<Void> onHoldPlaced(ReceivedEvent<HoldMessage> event) {
    return holds.holdPlaced(command(event));
  }

  public Mono<Void> onHoldLifted(ReceivedEvent<HoldMessage> event) {
    return holds.holdLifted(command(event));
  }

  private static HoldCommand command(ReceivedEvent<HoldMessage> event) {
    HoldMessage m = event.data();
    return new HoldCommand(m.holdId(), m.subject().type(), m.subject().id(), event.eventId());
  }

  public static Award toAward(ProposalAwardedMessage m) {
    ProgramKind kind;
    try {
      kind = ProgramKind.valueOf(m.programKind());
    } catch (IllegalArgumentException e) {
      throw new MalformedEventException("unknown programKind " + m.programKind());
    }
    List<Award.PlannedMilestone> plan = new ArrayList<>();
    if (m.milestones() != null) {
      for (ProposalAwardedMessage.PlannedMilestone pm : m.milestones()) {
        plan.add(new Award.PlannedMilestone(pm.milestoneId(), pm.sequence(), pm.title(), pm.deliverables(),
            date(pm.dueDate()), pm.tranchePercent()));
      }
    }
    Set<String> teamOrgs = new LinkedHashSet<>();
    Set<String> teamPersons = new LinkedHashSet<>();
    if (m.principalInvestigator() != null && m.principalInvestigator().personIdHash() != null) {
      teamPersons.add(m.principalInvestigator().personIdHash());
    }
    if (m.team() != null) {
      m.team().stream().map(ProposalAwardedMessage.Person::personIdHash).filter(h -> h != null)
          .forEach(teamPersons::add);
    }
    if (m.principalInvestigator() != null && m.principalInvestigator().organisationCode() != null) {
      teamOrgs.add(m.principalInvestigator().organisationCode());
    }
    if (m.team() != null) {
      m.team().stream().map(ProposalAwardedMessage.Person::organisationCode).filter(c -> c != null)
          .forEach(teamOrgs::add);
    }
    return new Award(m.projectId(), m.proposalId(), m.programId(), kind, m.challengeId(), m.organisationCode(),
        m.organisationName(), m.title(), m.awardedAmountFen(), plan, List.copyOf(teamOrgs), List.copyOf(teamPersons), m.awardedAt());
  }

  private static LocalDate date(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    } catch (DateTimeParseException e) {
      throw new MalformedEventException("dueDate is not a date: " + text);
    }
  }
}
