package org.fundflow.milestone.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.fundflow.platform.test.FundflowTestInfrastructure;
import org.fundflow.platform.test.TestJwts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * {@code GET /experts} against the real store: a program manager finds experts by name, id or organisation code and
 * pages through them by cursor; the text is matched literally; only the masked national ID leaves the service.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = FundflowTestInfrastructure.class)
class ExpertSearchIT {

  static final String PM = MilestoneReviewIT.PM;
  static final String AUDITOR = TestJwts.token("auditor-tang", "AUDITOR");
  static final String EXPERT_ORG = MilestoneReviewIT.EXPERT_ORG; // 12310115AMBRCN372R
  static final String OTHER_EXPERT_ORG = "5231011587WL1EFJ6B";
  static final String NATIONAL_ID = "11010819841203824X";

  @LocalServerPort int port;
  WebTestClient http;

  @BeforeEach
  void client() {
    http = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(30)).build();
  }

  @Test
  void aManagerFindsExpertsByNameAndPagesThroughThemInIdOrder() {
    String marker = "材料" + UUID.randomUUID().toString().substring(0, 8);
    List<String> ids = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      ids.add(register("exp-search-" + marker.substring(2) + "-" + i, "陈" + i + " " + marker + " 教授", EXPERT_ORG));
    }
    register("exp-search-other-" + marker.substring(2), "孙磊", OTHER_EXPERT_ORG);

    List<String> seen = new ArrayList<>();
    Map<?, ?> page = search(PM, "q=" + marker + "&limit=2");
    String cursor = (String) page.get("nextCursor");
    seen.addAll(ids(page));
    assertThat(ids(page)).hasSize(2);
    page = search(PM, "q=" + marker + "&limit=2&after=" + cursor);
    seen.addAll(ids(page));
    page = search(PM, "q=" + marker + "&limit=2&after=" + page.get("nextCursor"));
    seen.addAll(ids(page));
    assertThat(ids(page)).hasSize(1);
    assertThat(page.get("nextCursor")).isNull();
    assertThat(seen).containsExactlyElementsOf(ids);
  }

  @Test
  void theTextMatchesTheIdInAnyCaseAndTheStartOfTheOrganisationCode() {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    String id = register("exp-Case-" + tag, "刘洋", OTHER_EXPERT_ORG);
    assertThat(ids(search(PM, "q=EXP-case-" + tag.toUpperCase()))).containsExactly(id);
    assertThat(ids(search(AUDITOR, "q=5231011587wl&limit=100"))).contains(id);
    assertThat(ids(search(PM, "q=1011587WL&limit=100"))).as("the organisation code only from its start")
        .doesNotContain(id);
  }

  @Test
  void theTextIsTakenLiterallyNotAsAPattern() {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    register("exp-lit-" + tag, "周宁 (C++) " + tag, EXPERT_ORG);
    assertThat(ids(search(PM, "q=.*"))).isEmpty();
    assertThat(ids(searchText(PM, "(C++) " + tag))).containsExactly("exp-lit-" + tag);
  }

  @Test
  void onlyTheMaskedNationalIdIsShown() {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    register("exp-mask-" + tag, "马林", EXPERT_ORG);
    String body = http.get().uri("/experts?q=exp-mask-" + tag).headers(h -> h.setBearerAuth(PM)).exchange()
        .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    assertThat(body).contains("\"maskedId\"").doesNotContain(NATIONAL_ID);
  }

  @Test
  void aSearchTextOver100CharactersIsA400NamingIt() {
    http.get().uri("/experts?q=" + "x".repeat(101)).headers(h -> h.setBearerAuth(PM)).exchange()
        .expectStatus().isBadRequest()
        .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody().jsonPath("$.type").isEqualTo("https://fundflow.org/problems/validation")
        .jsonPath("$.errors[0].field").isEqualTo("q");
  }

  @Test
  void applicantsAndExpertsMayNotListExperts() {
    http.get().uri("/experts").headers(h -> h.setBearerAuth(MilestoneReviewIT.applicant(MilestoneReviewIT.ORG)))
        .exchange().expectStatus().isForbidden();
    http.get().uri("/experts").headers(h -> h.setBearerAuth(MilestoneReviewIT.expertToken("exp-nosy"))).exchange()
        .expectStatus().isForbidden();
    http.get().uri("/experts").exchange().expectStatus().isUnauthorized();
  }

  String register(String id, String name, String org) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", name);
    body.put("organisationCode", org);
    body.put("nationalId", NATIONAL_ID);
    body.put("declaredConflicts", List.of());
    http.put().uri("/experts/" + id).headers(h -> h.setBearerAuth(PM)).contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body).exchange().expectStatus().isOk();
    return id;
  }

  Map<?, ?> search(String token, String query) {
    return http.get().uri("/experts?" + query).headers(h -> h.setBearerAuth(token)).exchange()
        .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
  }

  /** The text as a URI variable: every character encoded, '+' included. */
  Map<?, ?> searchText(String token, String text) {
    return http.get().uri(u -> u.path("/experts").queryParam("q", "{q}").build(text)).headers(h -> h.setBearerAuth(token))
        .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
  }

  static List<String> ids(Map<?, ?> page) {
    return ((List<?>) page.get("items")).stream().map(i -> (String) ((Map<?, ?>) i).get("expertId")).toList();
  }
}
