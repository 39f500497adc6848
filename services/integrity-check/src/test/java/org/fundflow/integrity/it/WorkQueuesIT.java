package org.fundflow.integrity.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.fundflow.platform.test.BadInputMatrix;
import org.fundflow.platform.test.FundflowTestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Issue 16 point 3: the work queues GET /flags, /cases, /holds and /dishonesty-list against the real store and
 * broker (same configuration as {@link IntegrityServiceIT}, so one context): filters, keyset pages that neither
 * repeat nor skip an item, and the import preview that changes nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "fundflow.integrity.expenditure.cumulative-cap-fen=10000000"})
@ContextConfiguration(initializers = FundflowTestInfrastructure.class)
class WorkQueuesIT {

  static final String OFFICER = BadInputAndAccessMatrixIT.OFFICER;
  static final String AUDITOR = BadInputAndAccessMatrixIT.AUDITOR;
  static IntegrityKafka kafka;

  @LocalServerPort int port;
  @Autowired ReactiveMongoTemplate template;
  WebTestClient web;

  @BeforeAll
  static void kafka() {
    kafka = new IntegrityKafka();
  }

  @AfterAll
  static void close() {
    kafka.close();
  }

  @BeforeEach
  void web() {
    web = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(30)).build();
  }

  /** Five terminated projects of one organisation: five PROJECT_FAILED (MEDIUM) flags in its record. */
  List<String> fiveFlagsOf(String org) {
    for (int i = 0; i < 5; i++) {
      String project = "prj-q" + i + "-" + org;
      kafka.send(IntegrityServiceIT.PROJECTS, project, "fundflow.milestone.project-terminated.v1",
          IntegrityServiceIT.json(Map.of("projectId", project, "programId", "prg-q", "organisationCode", org,
              "reason", "final milestone FAILED", "terminatedAt", Instant.now().toString())));
      kafka.send(IntegrityServiceIT.PROJECTS, project, IntegrityServiceIT.DILIGENCE_ASSESSED,
          IntegrityServiceIT.assessed(project, "prg-q", org, false));
    }
    await().atMost(Duration.ofSeconds(60)).until(() -> items("/flags?organisationCode=" + org + "&limit=100", AUDITOR).size() == 5);
    return items("/flags?organisationCode=" + org + "&limit=100", AUDITOR).stream()
        .map(i -> ((Map<?, ?>) i.get("flag")).get("flagId").toString()).toList();
  }

  @Test
  void flagsArePagedNewestFirstWithoutRepeatsOrGaps_andFilteredByRuleSeverityAndStatus() {
    String org = BadInputAndAccessMatrixIT.organisationCode();
    List<String> all = fiveFlagsOf(org);

    List<String> paged = new ArrayList<>();
    List<Instant> times = new ArrayList<>();
    String after = null;
    int pages = 0;
    do {
      Map<String, Object> page = get("/flags?organisationCode=" + org + "&limit=2" + (after == null ? "" : "&after=" + after),
          OFFICER);
      for (Object o : (List<?>) page.get("items")) {
        Map<?, ?> flag = (Map<?, ?>) ((Map<?, ?>) o).get("flag");
        paged.add(flag.get("flagId").toString());
        times.add(Instant.parse(flag.get("raisedAt").toString()));
      }
      after = (String) page.get("nextCursor");
      pages++;
    } while (after != null);
    assertThat(pages).isEqualTo(3);
    assertThat(paged).containsExactlyElementsOf(all).doesNotHaveDuplicates().hasSize(5);
    assertThat(times).isSortedAccordingTo(java.util.Comparator.reverseOrder());

    assertThat(items("/flags?organisationCode=" + org + "&rule=PROJECT_FAILED&severity=MEDIUM&status=NEW", AUDITOR)).hasSize(5);
    assertThat(items("/flags?organisationCode=" + org + "&severity=HIGH", AUDITOR)).isEmpty();
    assertThat(items("/flags?organisationCode=" + org + "&rule=DISHONESTY_LIST", AUDITOR)).isEmpty();

    String caseId = (String) web.post().uri("/cases").headers(h -> h.setBearerAuth(OFFICER))
        .bodyValue(Map.of("flagIds", all.subList(0, 2))).exchange().expectStatus().isCreated()
        .expectBody(Map.class).returnResult().getResponseBody().get("caseId");
    List<Map<?, ?>> open = items("/flags?organisationCode=" + org + "&status=OPEN", OFFICER);
    assertThat(open).extracting(i -> (Object) ((Map<?, ?>) i.get("flag")).get("flagId")).containsExactlyInAnyOrderElementsOf(all.subList(0, 2));
    assertThat(open).extracting(i -> (Object) i.get("caseId")).containsOnly(caseId);
    assertThat(items("/flags?organisationCode=" + org + "&status=NEW", OFFICER)).hasSize(3);
  }

  /** Issue 16 point 4: GET /statistics/flags counts every flag per rule and severity in the store. */
  @Test
  void flagStatisticsCountPerRuleAndSeverity() {
    long before = count(get("/statistics/flags", AUDITOR), "PROJECT_FAILED", "MEDIUM");
    long totalBefore = ((Number) get("/statistics/flags", AUDITOR).get("total")).longValue();
    fiveFlagsOf(BadInputAndAccessMatrixIT.organisationCode());
    Map<String, Object> after = get("/statistics/flags", OFFICER);
    assertThat(count(after, "PROJECT_FAILED", "MEDIUM")).isEqualTo(before + 5);
    assertThat(((Number) after.get("total")).longValue()).isGreaterThanOrEqualTo(totalBefore + 5);
    List<?> counts = (List<?>) after.get("counts");
    assertThat(counts).extracting(c -> (Object) ((Map<?, ?>) c).get("rule").toString())
        .isSortedAccordingTo(java.util.Comparator.comparing(Object::toString));
    assertThat(counts.stream().mapToLong(c -> ((Number) ((Map<?, ?>) c).get("count")).longValue()).sum())
        .isEqualTo(((Number) after.get("total")).longValue());
  }

  static long count(Map<String, Object> statistics, String rule, String severity) {
    return ((List<?>) statistics.get("counts")).stream().map(c -> (Map<?, ?>) c)
        .filter(c -> rule.equals(c.get("rule")) && severity.equals(c.get("severity")))
        .mapToLong(c -> ((Number) c.get("count")).longValue()).sum();
  }

  @Test
  void casesAndHoldsAreListedByStatusAndOrganisation() {
    String org = BadInputAndAccessMatrixIT.organisationCode();
    List<String> flags = fiveFlagsOf(org);
    List<String> cases = new ArrayList<>();
    for (String flag : flags.subList(0, 3)) {
      cases.add((String) web.post().uri("/cases").headers(h -> h.setBearerAuth(OFFICER))
          .bodyValue(Map.of("flagIds", List.of(flag))).exchange().expectStatus().isCreated()
          .expectBody(Map.class).returnResult().getResponseBody().get("caseId"));
    }
    post("/cases/" + cases.get(1) + "/investigation", Map.of());
    Map<?, ?> held = post("/cases/" + cases.get(1) + "/interim-holds", Map.of("reason", "precaution", "years", 1));
    String holdId = ((List<?>) held.get("holdIds")).get(0).toString();

    assertThat(items("/cases?organisationCode=" + org, AUDITOR)).extracting(c -> (Object) c.get("caseId"))
        .containsExactly(cases.get(2), cases.get(1), cases.get(0));
    assertThat(items("/cases?organisationCode=" + org + "&status=INVESTIGATING", AUDITOR)).extracting(c -> (Object) c.get("caseId"))
        .containsExactly(cases.get(1));
    assertThat(items("/cases?organisationCode=" + org + "&status=OPEN&limit=1", AUDITOR)).extracting(c -> (Object) c.get("caseId"))
        .containsExactly(cases.get(2));
    assertThat(items("/holds?organisationCode=" + org + "&status=ACTIVE", AUDITOR)).extracting(h -> (Object) h.get("holdId"))
        .containsExactly(holdId);

    post("/holds/" + holdId + "/lift", Map.of("reason", "rectified"));
    assertThat(items("/holds?organisationCode=" + org + "&status=ACTIVE", AUDITOR)).isEmpty();
    assertThat(items("/holds?organisationCode=" + org + "&status=LIFTED", OFFICER)).extracting(h -> (Object) h.get("liftNote"))
        .containsExactly("rectified");
    // the queue across organisations holds it too, newest first
    assertThat(items("/holds?status=LIFTED&limit=100", OFFICER)).extracting(h -> (Object) h.get("holdId")).contains(holdId);
  }

  @Test
  void thePreviewReportsWhatTheImportWouldDo_changingNothing_andTheListIsFilteredBySourceAndStatus() {
    String authority = "天津市科学技术局-" + UUID.randomUUID();
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    String known = BadInputAndAccessMatrixIT.organisationCode();
    kafka.send(IntegrityServiceIT.DISBURSEMENTS, "prj-q-" + known, "fundflow.subsidy.disbursement-created.v1",
        IntegrityServiceIT.created("adv-prj-q-" + known, "prg-q", known, 100_000L));
    await().atMost(Duration.ofSeconds(30)).until(() ->
        template.findById("ORGANISATION:" + known, org.bson.Document.class, "known-parties").block() != null);
    String csv = BadInputAndAccessMatrixIT.HEADER
        + "ORGANISATION," + known + ",在册单位,虚报,三年," + authority + ",规定," + today.minusDays(10) + ",\n"
        + "ORGANISATION," + BadInputAndAccessMatrixIT.organisationCode() + ",将来单位,虚报,三年," + authority + ",规定,"
        + today.plusDays(30) + ",\n"
        + "ORGANISATION," + BadInputAndAccessMatrixIT.organisationCode() + ",已结束,虚报,一年," + authority + ",规定,"
        + today.minusYears(3) + "," + today.minusYears(2) + "\n"
        + "ORGANISATION,91120112MNH91HTMX7,坏码,m,s," + authority + ",l,2025-03-01,\n";

    BadInputMatrix matrix = new BadInputMatrix("integrity-check-preview");
    matrix.baseline(template);
    Map<?, ?> preview = web.post().uri("/dishonesty-list/imports/preview").headers(h -> h.setBearerAuth(OFFICER))
        .contentType(MediaType.parseMediaType("text/csv")).bodyValue(csv).exchange().expectStatus().isOk()
        .expectBody(Map.class).returnResult().getResponseBody();
    assertThat(preview.get("rows")).isEqualTo(4);
    assertThat(preview.get("imported")).isEqualTo(3);
    assertThat(preview.get("unchanged")).isEqualTo(0);
    assertThat(preview.get("knownParties")).isEqualTo(1);
    assertThat((List<?>) preview.get("rejected")).singleElement()
        .satisfies(r -> assertThat(((Map<?, ?>) r).get("row")).isEqualTo(5));
    matrix.assertUnchanged(template, "the preview");
    assertThat(get("/integrity-records/organisations/" + known, OFFICER).get("onHold")).isEqualTo(false);
    web.post().uri("/dishonesty-list/imports/preview").headers(h -> h.setBearerAuth(AUDITOR))
        .contentType(MediaType.parseMediaType("text/csv")).bodyValue(csv).exchange().expectStatus().isForbidden();

    Map<?, ?> imported = web.post().uri("/dishonesty-list/imports").headers(h -> h.setBearerAuth(OFFICER))
        .contentType(MediaType.parseMediaType("text/csv")).bodyValue(csv).exchange().expectStatus().isOk()
        .expectBody(Map.class).returnResult().getResponseBody();
    assertThat(imported.get("imported")).isEqualTo(preview.get("imported"));
    assertThat(get("/integrity-records/organisations/" + known, OFFICER).get("onHold")).isEqualTo(true);
    Map<?, ?> again = web.post().uri("/dishonesty-list/imports/preview").headers(h -> h.setBearerAuth(OFFICER))
        .contentType(MediaType.parseMediaType("text/csv")).bodyValue(csv).exchange().expectStatus().isOk()
        .expectBody(Map.class).returnResult().getResponseBody();
    assertThat(again.get("imported")).isEqualTo(0);
    assertThat(again.get("unchanged")).isEqualTo(3);

    String q = "/dishonesty-list?authority=" + authority;
    assertThat(items(q, AUDITOR)).hasSize(3);
    assertThat(items(q + "&status=IN_FORCE", AUDITOR)).extracting(e -> (Object) ((Map<?, ?>) e.get("entry")).get("partyName"))
        .containsExactly("在册单位");
    assertThat(items(q + "&status=UPCOMING", AUDITOR)).extracting(e -> (Object) ((Map<?, ?>) e.get("entry")).get("partyName"))
        .containsExactly("将来单位");
    assertThat(items(q + "&status=ENDED", AUDITOR)).extracting(e -> (Object) ((Map<?, ?>) e.get("entry")).get("partyName"))
        .containsExactly("已结束");
    assertThat(items("/dishonesty-list?organisationCode=" + known, OFFICER)).hasSize(1);
    Map<String, Object> first = get(q + "&limit=2", AUDITOR);
    Map<String, Object> second = get(q + "&limit=2&after=" + first.get("nextCursor"), AUDITOR);
    assertThat((List<?>) second.get("items")).hasSize(1);
    assertThat(second.get("nextCursor")).isNull();
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> get(String uri, String token) {
    return web.get().uri(uri).headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk()
        .expectBody(Map.class).returnResult().getResponseBody();
  }

  @SuppressWarnings("unchecked")
  List<Map<?, ?>> items(String uri, String token) {
    return (List<Map<?, ?>>) get(uri, token).get("items");
  }

  Map<?, ?> post(String uri, Object body) {
    return web.post().uri(uri).headers(h -> h.setBearerAuth(OFFICER)).contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body).exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
  }
}
