package org.fundflow.milestone.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.fundflow.milestone.application.port.in.AssignmentCursor;
import org.junit.jupiter.api.Test;

/** The expert inbox's cursor: an opaque token that comes back as it went out, and nothing else is taken for one. */
class AssignmentCursorTest {

  @Test
  void aCursorComesBackAsItWentOut() {
    AssignmentCursor cursor = new AssignmentCursor("prj-2026-000128", "7f9c2ba4-e88f-11e8-9f32-f2801f1b9fd1");
    assertThat(AssignmentCursor.decode(cursor.encode())).isEqualTo(cursor);
    assertThat(cursor.encode()).doesNotContain("prj").matches("[A-Za-z0-9_-]+");
  }

  @Test
  void itOrdersByProjectThenReport() {
    AssignmentCursor cursor = new AssignmentCursor("prj-2", "r-5");
    assertThat(cursor.isBefore("prj-3", "r-1")).isTrue();
    assertThat(cursor.isBefore("prj-2", "r-6")).isTrue();
    assertThat(cursor.isBefore("prj-2", "r-5")).isFalse();
    assertThat(cursor.isBefore("prj-1", "r-9")).isFalse();
  }

  @Test
  void whatThisServiceDidNotGiveOutIsRefused() {
    // "not-a-cursor" is valid base64 and even decodes to bytes with a '~' in them
    for (String token : new String[] {"not-a-cursor", "%%", "A".repeat(401), "fn5-", "cHJqLTF-"}) {
      assertThatThrownBy(() -> AssignmentCursor.decode(token)).as(token).isInstanceOf(IllegalArgumentException.class);
    }
  }
}
