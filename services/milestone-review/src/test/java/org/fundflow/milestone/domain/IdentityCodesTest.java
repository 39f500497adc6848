package org.fundflow.milestone.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/** The shared vectors (copied from /work/shared/testdata) of organisation codes and resident IDs. */
class IdentityCodesTest {

  static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

  @ParameterizedTest(name = "{0} valid={1} ({2})")
  @CsvFileSource(resources = "/testdata/org-codes.csv", numLinesToSkip = 1, nullValues = "")
  void givenSharedOrganisationCode_whenValidated_thenVerdictMatches(String code, boolean valid, String why) {
    assertThat(OrganisationCode.isValid(code)).as(why).isEqualTo(valid);
  }

  @ParameterizedTest(name = "valid={1} ({2})")
  @CsvFileSource(resources = "/testdata/national-ids.csv", numLinesToSkip = 1)
  void givenSharedNationalId_whenValidated_thenVerdictMatches(String id, boolean valid, String why) {
    assertThat(NationalId.isValid(id, TODAY)).as(why).isEqualTo(valid);
  }

  @Test
  void givenBirthDateAfterToday_whenValidated_thenInvalid() {
    assertThat(NationalId.isValid("120101198004135929", LocalDate.of(1979, 1, 1))).isFalse();
  }

  @Test
  void givenLowerCaseCheckX_whenValidated_thenValid() {
    assertThat(NationalId.isValid("11010819841203824x", TODAY)).isTrue();
  }
}
