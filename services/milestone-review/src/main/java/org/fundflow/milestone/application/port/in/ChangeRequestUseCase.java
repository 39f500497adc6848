package org.fundflow.milestone.application.port.in;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.fundflow.milestone.domain.Actor;
import org.fundflow.milestone.domain.BudgetLine;
import org.fundflow.milestone.domain.ChangeRequest;
import org.fundflow.milestone.domain.Project;
import reactor.core.publisher.Mono;

/** An applicant's change request on an awarded project and the program manager's decision on it. */
public interface ChangeRequestUseCase {

  Mono<ChangeRequest> request(RequestChangeCommand command);

  Mono<Project> decide(DecideChangeCommand command);

  record RequestChangeCommand(Actor applicant, String projectId, ChangeRequest.Kind kind, String milestoneId,
      LocalDate newDueDate, List<BudgetLine> budgetLines, List<String> teamOrganisationCodes, String justification) {
    public RequestChangeCommand {
      Objects.requireNonNull(applicant, "applicant");
      Objects.requireNonNull(projectId, "projectId");
      Objects.requireNonNull(kind, "kind");
    }
  }

  record DecideChangeCommand(Actor manager, String projectId, String requestId, boolean approve, String reason) {}
}
