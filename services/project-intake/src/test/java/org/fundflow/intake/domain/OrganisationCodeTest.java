package org.fundflow.intake.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class OrganisationCodeTest {

  static List<TestVectors.Vector> vectors() throws Exception {
    return TestVectors.read("org-codes.csv");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void givenSharedVector_whenValidated_thenVerdictMatches(TestVectors.Vector v) {
    assertThat(OrganisationCode.isValid(v.value())).as(v.why()).isEqualTo(v.valid());
  }

  @Test
  void givenNull_whenValidated_thenInvalid() {
    assertThat(OrganisationCode.isValid(null)).isFalse();
  }

  @Test
  void givenInvalidCode_whenRequired_thenRefusalNamesFieldAsUnprocessable() {
    assertThatThrownBy(() -> OrganisationCode.require("91120112MNH91HTMX7", "organisationCode"))
        .isInstanceOfSatisfying(IntakeRefusal.class, r -> {
          assertThat(r.kind()).isEqualTo(IntakeRefusal.Kind.UNPROCESSABLE);
          assertThat(r.slug()).isEqualTo("invalid-organisation-code");
          assertThat(r.getMessage()).contains("organisationCode");
        });
  }
}
