package org.fundflow.intake.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Intake's refusals; the checks and the shared test vectors are infra/national-codes' (NationalCodesTest). */
class CodeRulesTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

  @Test
  void givenValidCodes_whenRequired_thenAccepted() {
    assertThat(CodeRules.requireOrganisationCode("91120112MNH91HTMX6", "organisationCode")).isEqualTo("91120112MNH91HTMX6");
    assertThatNoException().isThrownBy(() -> CodeRules.requireNationalId("11010819841203824x", "nationalId", TODAY));
  }

  @Test
  void givenBirthDateInTheFuture_whenRequired_thenRefused() {
    assertThatThrownBy(() -> CodeRules.requireNationalId("120101198004135929", "nationalId", LocalDate.of(1979, 1, 1)))
        .isInstanceOf(IntakeRefusal.class);
  }

  @Test
  void givenInvalidId_whenRequired_thenRefusalNeverContainsTheNumber() {
    String id = "370202199301189980";
    assertThatThrownBy(() -> CodeRules.requireNationalId(id, "principalInvestigator.nationalId", TODAY))
        .isInstanceOfSatisfying(IntakeRefusal.class, r -> {
          assertThat(r.slug()).isEqualTo("invalid-national-id");
          assertThat(r.getMessage()).doesNotContain(id).contains("principalInvestigator.nationalId");
          assertThat(r.properties().toString()).doesNotContain(id);
        });
  }

  @Test
  void givenInvalidCode_whenRequired_thenRefusalNamesFieldAsUnprocessable() {
    assertThatThrownBy(() -> CodeRules.requireOrganisationCode("91120112MNH91HTMX7", "organisationCode"))
        .isInstanceOfSatisfying(IntakeRefusal.class, r -> {
          assertThat(r.kind()).isEqualTo(IntakeRefusal.Kind.UNPROCESSABLE);
          assertThat(r.slug()).isEqualTo("invalid-organisation-code");
          assertThat(r.getMessage()).contains("organisationCode");
        });
  }
}
