package org.fundflow.platform.national;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shared test vectors (shared/testdata, copied once into this module's src/test/resources/testdata as the
 * services' tests always did; {@link #givenTheSharedDirectory_whenCompared_thenTheCopiesAreIdentical} keeps the copy
 * honest where the shared directory is found).
 */
class NationalCodesTest {

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
    assertThat(NationalId.problem(id, TODAY).isEmpty()).as(why).isEqualTo(valid);
    NationalId.problem(id, TODAY).ifPresent(p -> assertThat(p.description()).doesNotContain(id));
  }

  /** The generator of test data agrees with the validator on every shared vector. */
  @ParameterizedTest(name = "{0} valid={1} ({2})")
  @CsvFileSource(resources = "/testdata/org-codes.csv", numLinesToSkip = 1, nullValues = "")
  void givenSharedOrganisationCode_whenCompletedFromItsFirst17_thenOnlyValidOnesComeBackUnchanged(String code,
      boolean valid, String why) {
    if (code != null && code.length() == 18 && code.substring(0, 17).chars()
        .allMatch(c -> "0123456789ABCDEFGHJKLMNPQRTUWXY".indexOf(c) >= 0)) {
      String completed = OrganisationCode.withCheckCharacter(code.substring(0, 17));
      assertThat(OrganisationCode.isValid(completed)).isTrue();
      assertThat(completed.equals(code)).as(why).isEqualTo(valid);
    }
  }

  @Test
  void givenFirst17Digits_whenCompleted_thenAValidNationalId() {
    assertThat(NationalId.withCheckCharacter("12010119800413592")).isEqualTo("120101198004135929");
    assertThat(NationalId.isValid(NationalId.withCheckCharacter("11010519491231002"))).isTrue();
  }

  @Test
  void givenNull_whenValidated_thenInvalid() {
    assertThat(OrganisationCode.isValid(null)).isFalse();
    assertThat(NationalId.isValid(null)).isFalse();
    assertThat(NationalId.problem(null, TODAY)).contains(NationalId.Problem.LENGTH);
  }

  @Test
  void givenLowerCaseCheckX_whenValidated_thenValid() {
    assertThat(NationalId.isValid("11010819841203824x", TODAY)).isTrue();
  }

  @Test
  void givenBirthDateAfterToday_whenValidated_thenInvalid() {
    assertThat(NationalId.problem("120101198004135929", LocalDate.of(1979, 1, 1))).contains(NationalId.Problem.BIRTH_DATE);
    assertThat(NationalId.isValid("120101198004135929")).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"12010119800413592", "1201011980041359291"})
  void givenWrongLength_whenChecked_thenLength(String id) {
    assertThat(NationalId.problem(id, TODAY)).contains(NationalId.Problem.LENGTH);
  }

  @Test
  void givenLettersOrWrongCheck_whenChecked_thenTheProblemIsNamed() {
    assertThat(NationalId.problem("1201011980041359A9", TODAY)).contains(NationalId.Problem.NOT_DIGITS);
    assertThat(NationalId.problem("120101198004135928", TODAY)).contains(NationalId.Problem.CHECK_CHARACTER);
    assertThat(NationalId.problem("120101198002305929", TODAY)).contains(NationalId.Problem.BIRTH_DATE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"org-codes.csv", "national-ids.csv"})
  void givenTheSharedDirectory_whenCompared_thenTheCopiesAreIdentical(String file) throws Exception {
    Path shared = null;
    for (Path dir = Path.of("").toAbsolutePath(); dir != null && shared == null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared").resolve("testdata").resolve(file);
      shared = Files.isRegularFile(candidate) ? candidate : null;
    }
    assumeTrue(shared != null, "shared/testdata not found above the working directory: the copy is not compared");
    try (InputStream copy = NationalCodesTest.class.getResourceAsStream("/testdata/" + file)) {
      assertThat(new String(copy.readAllBytes())).isEqualTo(Files.readString(shared));
    }
  }
}
