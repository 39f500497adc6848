package org.fundflow.milestone.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.fundflow.milestone.domain.ProjectEvent.MilestoneReportSubmitted;
import org.junit.jupiter.api.Test;

/** Milestone evidence (docs/adr/0006): pending with the organisation, frozen and read as the report once named. */
class MilestoneEvidenceTest {

  static final EvidenceFile FILE = new EvidenceFile("f1", "检测报告.pdf", "application/pdf", 1234, "c".repeat(64),
      "alice", ProjectTest.T0);
  static final Actor PM = new Actor("pm", Set.of("PROGRAM_MANAGER"), null);

  static ProjectUnderTest withReportNaming(EvidenceFile... files) {
    ProjectUnderTest p = ProjectTest.challenge();
    p.submitReport(ProjectTest.APPLICANT, "r1", null, List.of("done"), List.of(), List.of(files), 1000L, null,
        ProjectTest.T0);
    return p;
  }

  @Test
  void givenAReportNamingAFile_thenTheEventCarriesItsMetadataAndTheFileIsFrozen() {
    ProjectUnderTest submitted = ProjectTest.challenge();
    List<ProjectEvent> events = submitted.submitReport(ProjectTest.APPLICANT, "r1", null, List.of("done"), List.of(),
        List.of(FILE), 1000L, null, ProjectTest.T0);
    Project p = submitted.current();

    assertThat(((MilestoneReportSubmitted) events.get(0)).evidenceFiles()).containsExactly(FILE);
    assertThat(MilestoneEvidence.referenced(p)).containsExactly("f1");
    assertThatThrownBy(() -> MilestoneEvidence.requireRemovable(p, ProjectTest.APPLICANT, "m1", "f1"))
        .isInstanceOfSatisfying(DomainRuleException.class, e -> assertThat(e.code()).isEqualTo("evidence-frozen"));
    MilestoneEvidence.requireRemovable(p, ProjectTest.APPLICANT, "m1", "f2"); // a pending one may go
  }

  @Test
  void givenTheSameFileTwice_thenTheReportIsRefused() {
    assertThatThrownBy(() -> withReportNaming(FILE, FILE))
        .isInstanceOfSatisfying(DomainRuleException.class, e -> assertThat(e.code()).isEqualTo("invalid-evidence"));
  }

  @Test
  void givenAnotherOrganisationOrStaff_thenThePendingEvidenceIsNotTheirs() {
    Project p = ProjectTest.challenge().current();
    Actor other = new Actor("bob", Set.of(Actor.APPLICANT), ProjectTest.OTHER_ORG);
    for (Actor a : List.of(other, PM)) {
      assertThatThrownBy(() -> MilestoneEvidence.requireUploadable(p, a, "m1"))
          .isInstanceOfSatisfying(DomainRuleException.class,
              e -> assertThat(e.kind()).isEqualTo(DomainRuleException.Kind.NOT_VISIBLE));
    }
    MilestoneEvidence.requireUploadable(p, ProjectTest.APPLICANT, "m1");
    assertThatThrownBy(() -> MilestoneEvidence.requireUploadable(p, ProjectTest.APPLICANT, "m9"))
        .isInstanceOfSatisfying(DomainRuleException.class,
            e -> assertThat(e.kind()).isEqualTo(DomainRuleException.Kind.NOT_VISIBLE));
  }

  @Test
  void givenAnExpert_thenItReadsTheFilesOnlyOnceAssignedAndDeclared() {
    ProjectUnderTest p = withReportNaming(FILE);
    p.formPanel("r1", List.of(ProjectTest.expert("e1"), ProjectTest.expert("e2"), ProjectTest.expert("e3")),
        ProjectTest.T0);
    Actor e1 = ProjectTest.expertActor("e1");
    assertThatThrownBy(() -> MilestoneEvidence.readable(p.current(), e1, "r1", "f1"))
        .isInstanceOfSatisfying(DomainRuleException.class, e -> assertThat(e.code()).isEqualTo("declaration-required"));
    p.declare("r1", e1, false, null, ProjectTest.T0);
    assertThat(MilestoneEvidence.readable(p.current(), e1, "r1", "f1")).isEqualTo(FILE);
    Actor e2 = ProjectTest.expertActor("e2");
    p.declare("r1", e2, true, "同单位", ProjectTest.T0);
    assertThatThrownBy(() -> MilestoneEvidence.readable(p.current(), e2, "r1", "f1"))
        .isInstanceOfSatisfying(DomainRuleException.class,
            e -> assertThat(e.kind()).isEqualTo(DomainRuleException.Kind.NOT_VISIBLE));
    assertThat(MilestoneEvidence.readable(p.current(), PM, "r1", "f1")).isEqualTo(FILE);
    assertThatThrownBy(() -> MilestoneEvidence.readable(p.current(), PM, "r1", "f-pending"))
        .isInstanceOfSatisfying(DomainRuleException.class,
            e -> assertThat(e.kind()).isEqualTo(DomainRuleException.Kind.NOT_VISIBLE));
  }
}
