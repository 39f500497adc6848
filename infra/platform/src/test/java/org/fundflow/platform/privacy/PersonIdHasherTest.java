package org.fundflow.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PersonIdHasherTest {

  private final PersonIdHasher hasher = new PersonIdHasher("a-test-key-of-sufficient-length");

  @Test
  void theSameIdAlwaysGivesTheSameHashWhateverItsCase() {
    assertThat(hasher.hash("11010819841203824x")).isEqualTo(hasher.hash(" 11010819841203824X"));
    assertThat(hasher.hash("120101198004135929")).hasSize(64).matches("[0-9a-f]{64}").doesNotContain("120101198004135929");
  }

  @Test
  void anotherKeyGivesAnotherHash() {
    assertThat(new PersonIdHasher("another-key-of-sufficient-length").hash("120101198004135929"))
        .isNotEqualTo(hasher.hash("120101198004135929"));
  }

  @Test
  void theMaskShowsOnlyTheFirstAndLastFour() {
    assertThat(PersonIdHasher.mask("120101198004135929")).isEqualTo("1201**********5929");
  }

  @Test
  void aShortKeyIsRefused() {
    assertThatThrownBy(() -> new PersonIdHasher("short")).isInstanceOf(IllegalArgumentException.class);
  }
}
