package org.fundflow.intake.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class NationalIdTest {

  static List<TestVectors.Vector> vectors() throws Exception {
    return TestVectors.read("national-ids.csv");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void givenSharedVector_whenValidated_thenVerdictMatches(TestVectors.Vector v) {
    assertThat(NationalId.isValid(v.value(), LocalDate.of(2026, 11, 28))).as(v.why()).isEqualTo(v.valid());
  }

  @Test
  void givenLowerCaseX_whenValidated_thenAccepted() {
    assertThat(NationalId.isValid("11010819841203824x", LocalDate.of(2026, 11, 28))).isTrue();
  }

  @Test
  void givenBirthDateInTheFuture_whenValidated_thenInvalid() {
    // 120101198004135929 is valid; a valid-looking id born after "today" is refused
    assertThat(NationalId.isValid("120101198004135929", LocalDate.of(1979, 1, 1))).isFalse();
  }

  @Test
  void givenInvalidId_whenRequired_thenRefusalNeverContainsTheNumber() {
    String id = "370202199301189980";
    assertThatThrownBy(() -> NationalId.require(id, "principalInvestigator.nationalId", LocalDate.of(2026, 11, 28)))
        .isInstanceOfSatisfying(IntakeRefusal.class, r -> {
          assertThat(r.slug()).isEqualTo("invalid-national-id");
          assertThat(r.getMessage()).doesNotContain(id).contains("principalInvestigator.nationalId");
          assertThat(r.properties().toString()).doesNotContain(id);
        });
  }
}
