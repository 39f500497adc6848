package org.fundflow.milestone.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.fundflow.milestone.application.port.in.ApplyHoldUseCase.HoldCommand;
import org.fundflow.milestone.application.port.in.OpenProjectUseCase.OpenProjectCommand;
import org.fundflow.milestone.application.port.in.SubmitReportUseCase.SubmitReportCommand;
import org.fundflow.milestone.application.port.out.ExpertProfiles;
import org.fundflow.platform.application.OrganisationHolds;
import org.fundflow.milestone.application.port.out.Projects;
import org.fundflow.milestone.application.service.HoldService;
import org.fundflow.milestone.application.service.ProjectLifecycleService;
import org.fundflow.milestone.domain.Actor;
import org.fundflow.milestone.domain.Award;
import org.fundflow.milestone.domain.DecisionPolicy;
import org.fundflow.milestone.domain.ExpertProfile;
import org.fundflow.milestone.domain.ProgramKind;
import org.fundflow.milestone.domain.Project;
import org.fundflow.milestone.domain.ProjectEvent;
import org.fundflow.platform.domain.ConcurrentChange;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The use cases with in-memory fakes of the ports. */
class ProjectLifecycleServiceTest {

  static final String ORG = "12120112EXH9BL324R";
  static final Clock clock = Clock.fixed(Instant.parse("2027-01-20T02:00:00Z"), ZoneOffset.UTC);
  final InMemoryProjects projects = new InMemoryProjects();
  final InMemoryHolds holds = new InMemoryHolds();
  final ProjectLifecycleService service = new ProjectLifecycleService(projects, new NoExperts(), holds,
      DecisionPolicy.DEFAULT, clock);
  final HoldService holdService = new HoldService(projects, holds, clock);

  static Award award(String projectId) {
    return new Award(projectId, "prp", "prg", ProgramKind.GENERAL, null, ORG, "Org", "T", 100L,
        List.of(new Award.PlannedMilestone(projectId + "-final", 1, "final", List.of(), LocalDate.parse("2027-12-31"), 100)),
        List.of(), List.of(), clock.instant());
  }

  @Test
  void givenTheSameAwardTwice_whenOpening_thenOneProjectIsOpened() {
    assertThat(service.open(new OpenProjectCommand(award("p1"), "e1")).block()).isTrue();
    assertThat(service.open(new OpenProjectCommand(award("p1"), "e1")).block()).isFalse();
    assertThat(service.open(new OpenProjectCommand(award("p1"), "e2")).block()).isFalse();
    assertThat(projects.store).hasSize(1);
  }

  @Test
  void givenAnOrganisationUnderHold_whenItsProjectOpens_thenTheProjectStartsHeld() {
    holdService.holdPlaced(new HoldCommand("h1", "ORGANISATION", ORG, "e-h1")).block();

    service.open(new OpenProjectCommand(award("p2"), "e1")).block();

    assertThat(projects.store.get("p2").holds()).containsExactly("h1");
    holdService.holdLifted(new HoldCommand("h1", "ORGANISATION", ORG, "e-h2")).block();
    assertThat(projects.store.get("p2").holds()).isEmpty();
  }

  @Test
  void givenAHoldOnAPerson_thenNoProjectIsTouched() {
    service.open(new OpenProjectCommand(award("p3"), "e1")).block();

    holdService.holdPlaced(new HoldCommand("h9", "PERSON", "a".repeat(64), "e-h9")).block();

    assertThat(projects.store.get("p3").holds()).isEmpty();
  }

  @Test
  void givenAConcurrentChange_whenSubmitting_thenTheUseCaseDecidesAgain() {
    service.open(new OpenProjectCommand(award("p4"), "e1")).block();
    projects.failNextSaves.set(2);

    var report = service.submit(new SubmitReportCommand(new Actor("alice", Set.of(Actor.APPLICANT), ORG), "p4", null,
        List.of("done"), List.of(), 10L, null)).block();

    assertThat(report.attempt()).isEqualTo(1);
    assertThat(projects.events).hasSize(1);
  }

  @Test
  void givenAnIdempotencyKey_whenTheSameReportIsSubmittedTwice_thenTheFirstReportIsTheAnswer() {
    service.open(new OpenProjectCommand(award("p5"), "e1")).block();
    Actor alice = new Actor("alice", Set.of(Actor.APPLICANT), ORG);
    var first = service.submit(new SubmitReportCommand(alice, "p5", null, List.of("done"), List.of(), 10L, "k1"))
        .block();

    var again = service.submit(new SubmitReportCommand(alice, "p5", null, List.of("done"), List.of(), 10L, "k1"))
        .block();

    assertThat(again.id()).isEqualTo(first.id());
    assertThat(projects.events).hasSize(1);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> service.submit(new SubmitReportCommand(alice, "p5", null,
        List.of("other"), List.of(), 10L, "k1")).block()).hasMessageContaining("different report");
  }

  static final class InMemoryProjects implements Projects {
    final Map<String, Project> store = new HashMap<>();
    final Map<String, Set<String>> inbox = new HashMap<>();
    final List<ProjectEvent> events = new ArrayList<>();
    final AtomicInteger failNextSaves = new AtomicInteger();

    /** Like a real store: projects are immutable, a failed save leaves nothing behind. */
    @Override
    public Mono<Project> find(String projectId) {
      return Mono.justOrEmpty(store.get(projectId));
    }

    @Override
    public Flux<Project> findPage(String organisationCode, String assignedExpertId,
        org.fundflow.milestone.domain.ProjectCursor after, int limit) {
      return Flux.fromIterable(store.values()).take(limit);
    }

    @Override
    public Flux<Project> findByOrganisation(String organisationCode) {
      return Flux.fromIterable(store.values()).filter(p -> p.organisationCode().equals(organisationCode));
    }

    @Override
    public Flux<Project> findAssignedTo(String expertId) {
      return Flux.empty();
    }

    @Override
    public Flux<Project> findAssignedTo(String expertId, String fromProjectId, int limit) {
      return Flux.empty();
    }

    @Override
    public Flux<Project> findWithMilestonesAwaitingReport() {
      return Flux.fromIterable(store.values());
    }

    @Override
    public Mono<Boolean> create(Project project, List<ProjectEvent> events, String eventId) {
      if (store.containsKey(project.id())) {
        return Mono.just(false);
      }
      store.put(project.id(), project);
      inbox.computeIfAbsent(project.id(), k -> new HashSet<>()).add(eventId);
      this.events.addAll(events);
      return Mono.just(true);
    }

    @Override
    public Mono<Boolean> save(Project project, List<ProjectEvent> events, String eventId) {
      if (failNextSaves.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        return Mono.error(new ConcurrentChange("changed"));
      }
      if (eventId != null && !inbox.computeIfAbsent(project.id(), k -> new HashSet<>()).add(eventId)) {
        return Mono.just(false);
      }
      store.put(project.id(), project);
      this.events.addAll(events);
      return Mono.just(true);
    }
  }

  static final class InMemoryHolds implements OrganisationHolds {
    final Map<String, String> active = new HashMap<>();

    @Override
    public Mono<Void> place(String organisationCode, String holdId) {
      return Mono.fromRunnable(() -> active.put(holdId, organisationCode));
    }

    @Override
    public Mono<Boolean> lift(String organisationCode, String holdId) {
      return Mono.fromCallable(() -> {
        active.remove(holdId);
        return !active.containsValue(organisationCode);
      });
    }

    @Override
    public Mono<List<String>> activeHolds(String organisationCode) {
      List<String> ids = new ArrayList<>();
      active.forEach((id, org) -> {
        if (org.equals(organisationCode)) {
          ids.add(id);
        }
      });
      return Mono.just(ids);
    }
  }

  static final class NoExperts implements ExpertProfiles {
    @Override
    public Mono<ExpertProfile> find(String expertId) {
      return Mono.empty();
    }

    @Override
    public Mono<ExpertProfile> save(ExpertProfile profile) {
      return Mono.just(profile);
    }
  }
}
