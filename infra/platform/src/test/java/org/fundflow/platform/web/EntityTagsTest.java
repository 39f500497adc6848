package org.fundflow.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.fundflow.platform.domain.ExpectedVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** If-Match as RFC 9110 reads it: strong comparison, {@code *}, lists; one answer to a malformed value. */
class EntityTagsTest {

  @Test
  void theEtagOfAVersionIsAStrongQuotedTag() {
    assertThat(EntityTags.of(3)).isEqualTo("\"3\"");
    assertThat(EntityTags.parseIfMatch(EntityTags.of(42)).matches(42)).isTrue();
  }

  @Test
  void aStrongTagMatchesItsVersionOnly() {
    ExpectedVersion expected = EntityTags.parseIfMatch("\"3\"");
    assertThat(expected.matches(3)).isTrue();
    assertThat(expected.matches(4)).isFalse();
    assertThat(expected.isAny()).isFalse();
  }

  @Test
  void aWeakTagMatchesNothing_ifMatchComparesStrongly() {
    ExpectedVersion expected = EntityTags.parseIfMatch("W/\"3\"");
    assertThat(expected.matches(3)).isFalse();
    assertThat(expected.isAny()).isFalse();
    assertThat(expected.versions()).isEmpty();
  }

  @Test
  void theStarMatchesAnyVersion() {
    ExpectedVersion expected = EntityTags.parseIfMatch(" * ");
    assertThat(expected.isAny()).isTrue();
    assertThat(expected.matches(0)).isTrue();
    assertThat(expected.matches(17)).isTrue();
  }

  @Test
  void aListMatchesWhenOneOfItsStrongTagsMatches() {
    ExpectedVersion expected = EntityTags.parseIfMatch("\"3\", W/\"4\" ,\"5\"");
    assertThat(expected.matches(3)).isTrue();
    assertThat(expected.matches(4)).as("weak in the list").isFalse();
    assertThat(expected.matches(5)).isTrue();
    assertThat(expected.matches(6)).isFalse();
    assertThat(expected).hasToString("3 or 5");
  }

  @Test
  void emptyListElementsAreAccepted() {
    assertThat(EntityTags.parseIfMatch(", \"3\",, \"4\",").versions()).containsExactly(3L, 4L);
  }

  @Test
  void aWellFormedTagThatIsNoVersionOfOursMatchesNothing() {
    assertThat(EntityTags.parseIfMatch("\"abc\"").matches(0)).isFalse();
    assertThat(EntityTags.parseIfMatch("\"03\"").matches(3)).as("strong comparison is exact").isFalse();
    assertThat(EntityTags.parseIfMatch("\"\"").versions()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"3", "abc", "not-a-version", "\"3", "3\"", "W/3", "w/\"3\"", "\"3\" \"4\"", "*, \"3\"",
      "\"3\", *", "**", "\"a\"b\"", ","})
  void aMalformedValueIsA400NamingIfMatch(String value) {
    assertThatThrownBy(() -> EntityTags.parseIfMatch(value))
        .isInstanceOfSatisfying(ErrorResponseException.class, e -> {
          assertThat(e.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
          ProblemDetail body = e.getBody();
          assertThat(body.getType()).hasToString("https://fundflow.org/problems/validation");
          assertThat(String.valueOf(body.getProperties().get("errors"))).contains("field=If-Match");
        });
  }

  @Test
  void absentIsAnyVersionWhenOptional() {
    assertThat(IfMatchArgumentResolver.resolve(null, false).isAny()).isTrue();
    assertThat(IfMatchArgumentResolver.resolve(List.of(" "), false).isAny()).isTrue();
  }

  @Test
  void absentIsA428WhenRequired() {
    assertThatThrownBy(() -> IfMatchArgumentResolver.resolve(null, true))
        .isInstanceOfSatisfying(ErrorResponseException.class, e -> {
          assertThat(e.getStatusCode()).isEqualTo(HttpStatus.PRECONDITION_REQUIRED);
          assertThat(e.getBody().getType()).hasToString("https://fundflow.org/problems/if-match-required");
        });
  }

  @Test
  void starSatisfiesARequiredIfMatch() {
    assertThat(IfMatchArgumentResolver.resolve(List.of("*"), true).isAny()).isTrue();
  }

  @Test
  void severalHeaderLinesAreOneList() {
    assertThat(IfMatchArgumentResolver.resolve(Arrays.asList("\"1\"", "\"2\""), true).versions()).containsExactly(1L, 2L);
  }
}
