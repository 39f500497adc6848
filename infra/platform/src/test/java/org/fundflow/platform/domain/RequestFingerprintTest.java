package org.fundflow.platform.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RequestFingerprintTest {

  @Test
  void isTheSha256OfTheContent() {
    // SHA-256("abc"), FIPS 180-2 appendix B.1
    assertThat(RequestFingerprint.of("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void theSameFieldsGiveTheSameFingerprintAndOtherFieldsAnother() {
    String one = RequestFingerprint.of(List.of("m1", "done", "1000"));

    assertThat(one).matches("[0-9a-f]{64}").isEqualTo(RequestFingerprint.of(List.of("m1", "done", "1000")));
    assertThat(RequestFingerprint.of(List.of("m1", "done", "1001"))).isNotEqualTo(one);
  }

  @Test
  void fieldBoundariesCount() {
    assertThat(RequestFingerprint.of(List.of("ab", "c"))).isNotEqualTo(RequestFingerprint.of(List.of("a", "bc")));
  }
}
