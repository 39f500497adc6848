package org.fundflow.milestone.domain;

import java.time.Instant;
import java.util.Set;
import java.util.stream.Stream;
import org.fundflow.platform.domain.Change;

/**
 * The integrity holds on a project's organisation, over the project as it was read: integrity-check places and
 * lifts them, and the project keeps their ids. What a hold holds back is the project's lifecycle: while any is in
 * force a milestone that PASSED waits for its acceptance ({@link Project#acceptAwaited}). Every command returns the
 * project's next state (same version) and the events it caused.
 */
public record ProjectHolds(Project project) {

  public Change<Project, ProjectEvent> placeHold(String holdId) {
    return project.holds().contains(holdId) ? Change.quiet(project)
        : Change.quiet(project.withHolds(Stream.concat(project.holds().stream(), Stream.of(holdId)).toList()));
  }

  /** Lifts a hold; once none is left, milestones that PASSED meanwhile are accepted now. */
  public Change<Project, ProjectEvent> liftHold(String holdId, Instant now) {
    Project lifted = project.withHolds(project.holds().stream().filter(h -> !h.equals(holdId)).toList());
    return Change.<Project, ProjectEvent>quiet(lifted).then(p -> p.acceptAwaited(now));
  }

  /** The project's holds brought to the organisation's active ones (placed and lifted while it was opened). */
  public Change<Project, ProjectEvent> holdsNow(Set<String> active, Instant now) {
    Change<Project, ProjectEvent> change = Change.quiet(project);
    for (String placed : active) {
      change = change.then(p -> p.integrityHolds().placeHold(placed));
    }
    for (String lifted : project.holds().stream().filter(h -> !active.contains(h)).toList()) {
      change = change.then(p -> p.integrityHolds().liftHold(lifted, now));
    }
    return change;
  }
}
