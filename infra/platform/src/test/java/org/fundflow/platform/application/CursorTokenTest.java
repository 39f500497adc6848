package org.fundflow.platform.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class CursorTokenTest {

  static String base64(String text) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aTokenIsTheUrlSafeBase64OfItsTwoParts_andDecodesToThem() {
    CursorToken token = new CursorToken("1764316800000", "flag-1");
    assertThat(token.encode()).isEqualTo(base64("1764316800000~flag-1")).doesNotContain("=", "+", "/");
    assertThat(CursorToken.decode(token.encode())).isEqualTo(token);
  }

  @Test
  void theSecondPartMayHoldTheSeparator() {
    assertThat(CursorToken.decode(base64("a~b~c"))).isEqualTo(new CursorToken("a", "b~c"));
  }

  @Test
  void whatIsNotBase64OrNotTwoNonEmptyParts_isNotACursor() {
    for (String token : new String[] {"***", base64("no-separator"), base64("~second"), base64("first~"), ""}) {
      assertThatThrownBy(() -> CursorToken.decode(token)).as(token)
          .isInstanceOf(IllegalArgumentException.class).hasMessage(CursorToken.NOT_A_CURSOR);
    }
  }
}
