package org.fundflow.intake.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.fundflow.intake.application.port.in.Viewer;
import org.fundflow.intake.application.port.out.Proposals;
import org.fundflow.intake.application.service.ProposalFilesService;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Who may read and change a proposal's files: exactly as the proposal; changes only to a DRAFT by its applicant. */
class ProposalFilesAccessTest {

  static ProposalFilesService serviceWith(Proposal... proposals) {
    Map<String, Proposal> byId = new java.util.HashMap<>();
    for (Proposal p : proposals) {
      byId.put(p.id(), p);
    }
    return new ProposalFilesService(new Proposals() {
      @Override
      public Mono<Proposal> find(String id) {
        return Mono.justOrEmpty(byId.get(id));
      }

      @Override
      public Flux<Proposal> list(Filter filter) {
        return Flux.empty();
      }

      @Override
      public Mono<Proposal> save(Proposal proposal, List<IntakeEvent> events) {
        return Mono.error(new AssertionError("access checks never write"));
      }

      @Override
      public Mono<Void> delete(String id, long expectedVersion) {
        return Mono.error(new AssertionError("access checks never write"));
      }
    });
  }

  static Viewer applicantOf(String org) {
    return Viewer.applicant("alice", "Alice", org, "Org");
  }

  @Test
  void givenADraft_whenItsApplicantChangesFiles_thenAllowed_andStaffOrOtherOrganisationsAreRefused() {
    Proposal draft = Fixtures.draft(Fixtures.openGeneral(1_000_000_000, 50_000_000), 1_000_000);
    ProposalFilesService service = serviceWith(draft);

    assertThat(service.changeable(applicantOf(Fixtures.ORG), draft.id()).block()).isEqualTo(draft);
    assertThatThrownBy(() -> service.changeable(applicantOf(Fixtures.OTHER_ORG), draft.id()).block())
        .isInstanceOfSatisfying(IntakeRefusal.class, r -> assertThat(r.kind()).isEqualTo(IntakeRefusal.Kind.NOT_FOUND));
    assertThatThrownBy(() -> service.changeable(Viewer.staff("pm", "PM"), draft.id()).block())
        .isInstanceOfSatisfying(IntakeRefusal.class, r -> assertThat(r.kind()).isEqualTo(IntakeRefusal.Kind.FORBIDDEN));
  }

  @Test
  void givenASubmittedProposal_whenFilesWouldChange_thenConflict_butEveryReaderOfTheProposalReadsThem() {
    Proposal submitted = Fixtures.submitted(Fixtures.openGeneral(1_000_000_000, 50_000_000), 1_000_000);
    ProposalFilesService service = serviceWith(submitted);

    assertThatThrownBy(() -> service.changeable(applicantOf(Fixtures.ORG), submitted.id()).block())
        .isInstanceOfSatisfying(IntakeRefusal.class, r -> {
          assertThat(r.kind()).isEqualTo(IntakeRefusal.Kind.CONFLICT);
          assertThat(r.slug()).isEqualTo("illegal-transition");
        });
    assertThat(service.readable(applicantOf(Fixtures.ORG), submitted.id()).block()).isEqualTo(submitted);
    assertThat(service.readable(Viewer.staff("auditor", "Auditor"), submitted.id()).block()).isEqualTo(submitted);
    assertThatThrownBy(() -> service.readable(applicantOf(Fixtures.OTHER_ORG), submitted.id()).block())
        .isInstanceOfSatisfying(IntakeRefusal.class, r -> assertThat(r.kind()).isEqualTo(IntakeRefusal.Kind.NOT_FOUND));
    assertThatThrownBy(() -> service.readable(applicantOf(Fixtures.ORG), "prp-missing").block())
        .isInstanceOf(IntakeRefusal.class);
  }
}
