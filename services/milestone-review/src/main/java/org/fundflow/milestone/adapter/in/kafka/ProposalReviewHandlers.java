package org.fundflow.milestone.adapter.in.kafka;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.fundflow.milestone.application.port.in.ProposalReviewUseCase;
import org.fundflow.milestone.application.port.in.ProposalReviewUseCase.OpenReviewCommand;
import org.fundflow.milestone.domain.DomainRuleException;
import org.fundflow.milestone.domain.RubricCriterion;
import org.fundflow.platform.events.MalformedEventException;
import org.fundflow.platform.events.ReceivedEvent;
import reactor.core.publisher.Mono;

/** 立项评审: a screened proposal opens its review, once however often the event arrives. A bad rubric is malformed. */
public class ProposalReviewHandlers {

  public static final String PROPOSAL_SCREENED = "fundflow.intake.proposal-screened.v1";

  private final ProposalReviewUseCase reviews;

  public ProposalReviewHandlers(ProposalReviewUseCase reviews) {
    this.reviews = reviews;
  }

  public Mono<Boolean> onProposalScreened(ReceivedEvent<ProposalScreenedMessage> event) {
    return Mono.defer(() -> reviews.open(command(event.eventId(), event.data())))
        .onErrorMap(DomainRuleException.class, e -> new MalformedEventException("screened proposal cannot open a "
            + "review: " + e.getMessage(), e));
  }

  /** The message as a command: the team's organisations and person hashes (PI included) for the conflict rules. */
  public static OpenReviewCommand command(String eventId, ProposalScreenedMessage m) {
    Set<String> teamOrgs = new LinkedHashSet<>();
    Set<String> teamPersons = new LinkedHashSet<>();
    if (m.principalInvestigator() != null) {
      add(m.principalInvestigator(), teamOrgs, teamPersons);
    }
    if (m.team() != null) {
      m.team().forEach(p -> add(p, teamOrgs, teamPersons));
    }
    List<RubricCriterion> rubric = m.rubric().stream().map(c -> new RubricCriterion(c.name(), c.weight())).toList();
    return new OpenReviewCommand(eventId, m.proposalId(), m.programId(), m.programKind(), m.challengeId(),
        m.organisationCode(), m.organisationName(), m.title(), m.abstractText(), m.requestedAmountFen(),
        List.copyOf(teamOrgs), List.copyOf(teamPersons), rubric, m.screenedAt());
  }

  private static void add(ProposalAwardedMessage.Person p, Set<String> orgs, Set<String> persons) {
    if (p.organisationCode() != null) {
      orgs.add(p.organisationCode());
    }
    if (p.personIdHash() != null) {
      persons.add(p.personIdHash());
    }
  }
}
