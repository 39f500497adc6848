package org.fundflow.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguageControllerTest {

  @Test
  void goesBackOnlyToAPathOfThisSite() {
    assertThat(LanguageController.safe("/applicant/programs?after=p-1")).isEqualTo("/applicant/programs?after=p-1");
    assertThat(LanguageController.safe("https://evil.example/")).isEqualTo("/");
    assertThat(LanguageController.safe("//evil.example/")).isEqualTo("/");
    assertThat(LanguageController.safe("/\\evil.example/")).isEqualTo("/");
    assertThat(LanguageController.safe(null)).isEqualTo("/");
    assertThat(LanguageController.safe("/x\r\nSet-Cookie: a=b")).isEqualTo("/");
  }
}
