package org.fundflow.integrity.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/** The shared test data of organisation codes and national IDs, valid and not. */
class CodesTest {

  @ParameterizedTest(name = "{0} valid={1} ({2})")
  @CsvFileSource(resources = "/testdata/org-codes.csv", numLinesToSkip = 1, nullValues = "")
  void organisationCodes(String code, boolean valid, String why) {
    assertThat(OrganisationCode.isValid(code)).as(why).isEqualTo(valid);
  }

  @ParameterizedTest(name = "valid={1} ({2})")
  @CsvFileSource(resources = "/testdata/national-ids.csv", numLinesToSkip = 1)
  void nationalIds(String id, boolean valid, String why) {
    assertThat(NationalId.isValid(id)).as(why).isEqualTo(valid);
  }
}
