package org.fundflow.subsidy.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.fundflow.platform.test.BadUploads;
import org.fundflow.platform.test.TestJwts;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.json.JsonMapper;

class ClaimsIT extends SubsidyIT {

  static final long YUAN = 100;

  String applicant(String org) {
    return TestJwts.token("app-" + org.substring(12), List.of("APPLICANT"), org);
  }

  WebTestSubmit submit(String token, String programId, int year, long thisYear, long lastYear) {
    var result = web.post().uri("/claims").headers(h -> h.setBearerAuth(token))
        .bodyValue(Map.of("programId", programId, "fiscalYear", year, "expenditureThisYearFen", thisYear,
            "expenditureLastYearFen", lastYear, "auditReportReference", "津审字(2027)第0012号"))
        .exchange();
    return new WebTestSubmit(result);
  }

  record WebTestSubmit(org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec spec) {}

  @Test
  void anIncreaseClaimIsVerifiedWithItsExplanationAndPaidOnceBySubsidy() {
    String programId = unique("prg-ps");
    publishProgram(programId, postSubsidyProgram(programId, 4_100_000 * YUAN, "INCREASE",
        "[{\"fromFen\":0,\"rateBasisPoints\":3000}]", 1_000_000 * YUAN, 500_000 * YUAN));
    String org = organisationCode();
    String token = applicant(org);

    submit(token, programId, 2026, 10_000_000 * YUAN, 6_800_000 * YUAN).spec().expectStatus().isCreated()
        .expectBody().jsonPath("$.status").isEqualTo("SUBMITTED").jsonPath("$.increaseFen").isEqualTo(320_000_000);
    String claimId = "clm-" + programId + "-" + org + "-2026";
    // one claim per organisation, program and year
    submit(token, programId, 2026, 1 * YUAN, 0).spec().expectStatus().isEqualTo(HttpStatus.CONFLICT)
        .expectHeader().contentType("application/problem+json")
        .expectBody().jsonPath("$.type").isEqualTo("https://fundflow.org/problems/claim-exists");
    // applicants do not verify
    web.post().uri("/claims/{id}/verification", claimId).headers(h -> h.setBearerAuth(token))
        .bodyValue(Map.of("outcome", "VERIFIED")).exchange().expectStatus().isForbidden();

    web.post().uri("/claims/{id}/verification", claimId).headers(h -> {
          h.setBearerAuth(OFFICER);
          h.set(HttpHeaders.IF_MATCH, "\"1\"");
        })
        .bodyValue(Map.of("outcome", "VERIFIED")).exchange()
        .expectStatus().isOk()
        .expectBody()
        .jsonPath("$.status").isEqualTo("VERIFIED")
        .jsonPath("$.subsidyFen").isEqualTo(96_000_000)
        .jsonPath("$.explanation").isEqualTo(
            "increase 3,200,000.00 x 30% = 960,000.00; cap 1,000,000.00 not reached; budget remaining 4,100,000.00")
        .jsonPath("$.verifiedBy").isEqualTo("olga-officer");

    // the verified claim's event creates the POST_SUBSIDY disbursement, once
    Document subsidy = awaitDisbursement("ps-" + claimId);
    assertThat(subsidy.getLong("amountFen")).isEqualTo(96_000_000L);
    assertThat(subsidy.getString("explanation")).contains("increase 3,200,000.00 x 30% = 960,000.00");

    // the applicant sees its own; another organisation sees nothing of it; the auditor sees it
    web.get().uri("/disbursements").headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk()
        .expectBody().jsonPath("$.items[0].id").isEqualTo("ps-" + claimId).jsonPath("$.count").isEqualTo(1);
    String stranger = applicant(organisationCode());
    web.get().uri("/claims/{id}", claimId).headers(h -> h.setBearerAuth(stranger)).exchange()
        .expectStatus().isNotFound();
    web.get().uri("/disbursements/{id}", "ps-" + claimId).headers(h -> h.setBearerAuth(stranger)).exchange()
        .expectStatus().isNotFound();
    web.get().uri("/claims?organisationCode={o}", org).headers(h -> h.setBearerAuth(stranger)).exchange()
        .expectStatus().isOk().expectBody().jsonPath("$.count").isEqualTo(0);
    web.get().uri("/claims/{id}", claimId).headers(h -> h.setBearerAuth(AUDITOR)).exchange()
        .expectStatus().isOk().expectBody().jsonPath("$.explanationSteps.length()").isEqualTo(3);

    List<ConsumerRecord<String, byte[]>> claimEvents = published("subsidy.claim-events", claimId,
        seen -> seen.size() >= 2);
    assertThat(claimEvents).extracting(SubsidyIT::type).containsExactly(
        "fundflow.subsidy.expenditure-claim-submitted.v1", "fundflow.subsidy.expenditure-claim-verified.v1");
    assertValid(claimEvents);
    List<ConsumerRecord<String, byte[]>> created = published(DISBURSEMENT_EVENTS, claimId, seen -> seen.size() >= 1);
    assertValid(created);
  }

  /** Issue 15 point 4: the decision's event carries the claim's evidence files as metadata, never their bytes. */
  @Test
  void theVerifiedEventCarriesTheClaimsEvidenceFilesMetadataNotTheirBytes() throws Exception {
    String programId = unique("prg-ps");
    publishProgram(programId, postSubsidyProgram(programId, 4_100_000 * YUAN, "INCREASE",
        "[{\"fromFen\":0,\"rateBasisPoints\":3000}]", 1_000_000 * YUAN, 500_000 * YUAN));
    String org = organisationCode();
    String token = applicant(org);
    submit(token, programId, 2026, 10_000_000 * YUAN, 6_800_000 * YUAN).spec().expectStatus().isCreated();
    String claimId = "clm-" + programId + "-" + org + "-2026";
    var upload = BadUploads.exchange(web, HttpMethod.POST,
        "/claims/" + claimId + "/evidence", token,
        BadUploads.filePart("2026年度审计报告.pdf", BadUploads.SMALL_PDF));
    assertThat(upload.getStatus().value()).as(upload.getResponseBody()).isEqualTo(201);
    var stored = JsonMapper.builder().build().readTree(upload.getResponseBody());

    web.post().uri("/claims/{id}/verification", claimId).headers(h -> h.setBearerAuth(OFFICER))
        .bodyValue(Map.of("outcome", "VERIFIED")).exchange().expectStatus().isOk();

    List<ConsumerRecord<String, byte[]>> events = published("subsidy.claim-events", claimId,
        seen -> seen.stream().anyMatch(r -> type(r).endsWith("expenditure-claim-verified.v1")));
    assertValid(events);
    ConsumerRecord<String, byte[]> verified = events.stream()
        .filter(r -> type(r).endsWith("expenditure-claim-verified.v1")).findFirst().orElseThrow();
    var files = JsonMapper.builder().build().readTree(json(verified)).get("evidenceFiles");
    assertThat(files.size()).isEqualTo(1);
    var file = files.get(0);
    assertThat(file.get("fileId").asString()).isEqualTo(stored.get("fileId").asString());
    assertThat(file.get("name").asString()).isEqualTo("2026年度审计报告.pdf");
    assertThat(file.get("mediaType").asString()).isEqualTo("application/pdf");
    assertThat(file.get("sizeBytes").asLong()).isEqualTo(BadUploads.SMALL_PDF.length);
    assertThat(file.get("sha256").asString()).isEqualTo(stored.get("sha256").asString()).hasSize(64);
    assertThat(file.get("uploadedBy").asString()).isEqualTo(stored.get("uploadedBy").asString());
    assertThat(json(verified)).doesNotContain("%PDF");
  }

  @Test
  void aTieredTotalClaimAndAClaimBelowTheMinimumAndARejection() {
    String programId = unique("prg-ps");
    publishProgram(programId, postSubsidyProgram(programId, 50_000_000 * YUAN, "TOTAL",
        "[{\"fromFen\":0,\"rateBasisPoints\":350},{\"fromFen\":1000000000,\"rateBasisPoints\":175}]",
        400_000 * YUAN, 0));
    String org = organisationCode();
    submit(applicant(org), programId, 2026, 15_000_000 * YUAN, 14_000_000 * YUAN).spec().expectStatus().isCreated();
    String claimId = "clm-" + programId + "-" + org + "-2026";
    // the computation is shown before the officer confirms: the same figure and explanation as the verification
    web.get().uri("/claims/{id}/computation", claimId).headers(h -> h.setBearerAuth(OFFICER)).exchange()
        .expectStatus().isOk()
        .expectBody()
        .jsonPath("$.subsidyFen").isEqualTo(40_000_000)
        .jsonPath("$.explanationSteps.length()").isEqualTo(5)
        .jsonPath("$.explanation").isEqualTo("total from 0.00 to 10,000,000.00: 10,000,000.00 x 3.5% = 350,000.00; "
            + "total from 10,000,000.00: 5,000,000.00 x 1.75% = 87,500.00; "
            + "sum 437,500.00 rounded HALF_UP to the fen = 437,500.00; "
            + "cap 400,000.00 reached: limited to 400,000.00; budget remaining 50,000,000.00");
    // as data too, for the portal to say it in Chinese or English (issue 16 point 2)
    web.get().uri("/claims/{id}/computation", claimId).headers(h -> h.setBearerAuth(APPROVER_BOB)).exchange()
        .expectStatus().isOk()
        .expectBody()
        .jsonPath("$.explanationNotes.length()").isEqualTo(5)
        .jsonPath("$.explanationNotes[0].code").isEqualTo("tier-range-TOTAL")
        .jsonPath("$.explanationNotes[0].args[0].value").isEqualTo("0")
        .jsonPath("$.explanationNotes[0].args[1].value").isEqualTo("1000000000")
        .jsonPath("$.explanationNotes[0].args[3].kind").isEqualTo("TEXT")
        .jsonPath("$.explanationNotes[0].args[3].value").isEqualTo("3.5")
        .jsonPath("$.explanationNotes[1].code").isEqualTo("tier-from-TOTAL")
        .jsonPath("$.explanationNotes[2].code").isEqualTo("sum")
        .jsonPath("$.explanationNotes[3].code").isEqualTo("cap-reached")
        .jsonPath("$.explanationNotes[3].args[2].value").isEqualTo("40000000")
        .jsonPath("$.explanationNotes[4].code").isEqualTo("budget-remaining");
    // whoever reads the claim reads its computation: its own organisation, not another one
    web.get().uri("/claims/{id}/computation", claimId).headers(h -> h.setBearerAuth(applicant(org))).exchange()
        .expectStatus().isOk();
    web.get().uri("/claims/{id}/computation", claimId).headers(h -> h.setBearerAuth(applicant(organisationCode())))
        .exchange().expectStatus().isNotFound();
    web.post().uri("/claims/{id}/verification", claimId).headers(h -> h.setBearerAuth(OFFICER))
        .bodyValue(Map.of("outcome", "VERIFIED")).exchange()
        .expectStatus().isOk()
        .expectBody()
        .jsonPath("$.subsidyFen").isEqualTo(40_000_000)
        .jsonPath("$.explanation").isEqualTo("total from 0.00 to 10,000,000.00: 10,000,000.00 x 3.5% = 350,000.00; "
            + "total from 10,000,000.00: 5,000,000.00 x 1.75% = 87,500.00; "
            + "sum 437,500.00 rounded HALF_UP to the fen = 437,500.00; "
            + "cap 400,000.00 reached: limited to 400,000.00; budget remaining 50,000,000.00");
    // deciding twice is refused, and a decided claim has no computation to show
    web.post().uri("/claims/{id}/verification", claimId).headers(h -> h.setBearerAuth(OFFICER))
        .bodyValue(Map.of("outcome", "VERIFIED")).exchange().expectStatus().isEqualTo(HttpStatus.CONFLICT);
    web.get().uri("/claims/{id}/computation", claimId).headers(h -> h.setBearerAuth(OFFICER)).exchange()
        .expectStatus().isEqualTo(HttpStatus.CONFLICT);

    String increaseProgram = unique("prg-ps");
    publishProgram(increaseProgram, postSubsidyProgram(increaseProgram, 50_000_000 * YUAN, "INCREASE",
        "[{\"fromFen\":0,\"rateBasisPoints\":3000}]", 1_000_000 * YUAN, 500_000 * YUAN));
    submit(applicant(org), increaseProgram, 2026, 10_400_000 * YUAN, 10_000_000 * YUAN).spec()
        .expectStatus().isCreated();
    web.post().uri("/claims/{id}/verification", "clm-" + increaseProgram + "-" + org + "-2026")
        .headers(h -> h.setBearerAuth(OFFICER)).bodyValue(Map.of("outcome", "VERIFIED")).exchange()
        .expectStatus().isOk()
        .expectBody().jsonPath("$.subsidyFen").isEqualTo(0)
        .jsonPath("$.explanation").isEqualTo("increase 400,000.00 below the minimum increase 500,000.00: no subsidy");

    submit(applicant(org), increaseProgram, 2025, 9_000_000 * YUAN, 1_000_000 * YUAN).spec().expectStatus().isCreated();
    String rejected = "clm-" + increaseProgram + "-" + org + "-2025";
    web.post().uri("/claims/{id}/verification", rejected).headers(h -> h.setBearerAuth(OFFICER))
        .bodyValue(Map.of("outcome", "REJECTED")).exchange()
        .expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
    web.post().uri("/claims/{id}/verification", rejected).headers(h -> h.setBearerAuth(OFFICER))
        .bodyValue(Map.of("outcome", "REJECTED", "reason", "audit report does not cover R&D")).exchange()
        .expectStatus().isOk()
        .expectBody().jsonPath("$.status").isEqualTo("REJECTED").jsonPath("$.subsidyFen").isEqualTo(0);

    awaitDisbursement("ps-" + claimId);
    assertThat(disbursement("ps-clm-" + increaseProgram + "-" + org + "-2026")).isNull();
    assertThat(disbursement("ps-" + rejected)).isNull();
  }

  @Test
  void claimsArePagedByIdLikeEveryOtherListWithTheTotalsOfEverythingThatMatches() {
    String programId = unique("prg-ps");
    publishProgram(programId, postSubsidyProgram(programId, 50_000_000 * YUAN, "INCREASE",
        "[{\"fromFen\":0,\"rateBasisPoints\":3000}]", 1_000_000 * YUAN, 0));
    String org = organisationCode();
    List<String> expected = new java.util.ArrayList<>();
    for (int year = 2021; year <= 2025; year++) {
      submit(applicant(org), programId, year, 2_000 * YUAN, 1_000 * YUAN).spec().expectStatus().isCreated();
      expected.add("clm-" + programId + "-" + org + "-" + year);
    }
    java.util.Collections.sort(expected);

    List<String> seen = new java.util.ArrayList<>();
    String after = null;
    int pages = 0;
    do {
      String uri = "/claims?programId=" + programId + "&limit=2" + (after == null ? "" : "&after=" + after);
      @SuppressWarnings("unchecked")
      Map<String, Object> page = web.get().uri(uri).headers(h -> h.setBearerAuth(AUDITOR)).exchange()
          .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
      assertThat(page.get("count")).as("count covers every match, not the page").isEqualTo(5);
      assertThat(page.get("subsidyTotalFen")).isEqualTo(0);
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> items = (List<Map<String, Object>>) page.get("items");
      assertThat(items).hasSizeLessThanOrEqualTo(2);
      items.forEach(i -> seen.add((String) i.get("id")));
      after = (String) page.get("nextAfter");
      pages++;
    } while (after != null);
    assertThat(seen).containsExactlyElementsOf(expected);
    assertThat(pages).isEqualTo(3);

    // the default page is 50; the applicant's own list pages the same way
    web.get().uri("/claims?limit=1").headers(h -> h.setBearerAuth(applicant(org))).exchange()
        .expectStatus().isOk().expectBody()
        .jsonPath("$.items.length()").isEqualTo(1)
        .jsonPath("$.items[0].id").isEqualTo(expected.get(0))
        .jsonPath("$.nextAfter").isEqualTo(expected.get(0))
        .jsonPath("$.count").isEqualTo(5);
    web.get().uri("/claims?programId={p}", programId).headers(h -> h.setBearerAuth(AUDITOR)).exchange()
        .expectStatus().isOk().expectBody()
        .jsonPath("$.items.length()").isEqualTo(5)
        .jsonPath("$.nextAfter").doesNotExist();
  }

  /**
   * Issue 12 point 9: a POST_SUBSIDY program without a cap (the field left out of the program event, as
   * project-intake publishes it) pays the whole subsidy, bounded only by the budget; a cap of 0 is a malformed
   * event (dead-lettered), never read as "no cap".
   */
  @Test
  void aProgramWithoutACapPaysAnUncappedSubsidyAndACapOfZeroIsDeadLettered() {
    String programId = unique("prg-ps");
    String capped = postSubsidyProgram(programId, 500_000_000 * YUAN, "INCREASE",
        "[{\"fromFen\":0,\"rateBasisPoints\":3000}]", 1_000_000 * YUAN, 0);
    String noCap = capped.replace("\"capPerOrganisationPerYearFen\":" + 1_000_000 * YUAN + ",", "");
    assertThat(noCap).doesNotContain("capPerOrganisationPerYearFen");
    // (the contract's own no-cap example is read by ConsumedExamplesTest; this copy has only the fields this service reads)
    publishProgram(programId, noCap);
    String org = organisationCode();
    submit(applicant(org), programId, 2026, 150_000_000 * YUAN, 50_000_000 * YUAN).spec().expectStatus().isCreated();
    String claimId = "clm-" + programId + "-" + org + "-2026";
    web.post().uri("/claims/{id}/verification", claimId).headers(h -> h.setBearerAuth(OFFICER))
        .bodyValue(Map.of("outcome", "VERIFIED")).exchange()
        .expectStatus().isOk()
        .expectBody()
        .jsonPath("$.subsidyFen").isEqualTo(3_000_000_000L)
        .jsonPath("$.explanation").isEqualTo("increase 100,000,000.00 x 30% = 30,000,000.00; "
            + "no cap per organisation and year; budget remaining 500,000,000.00");
    assertThat(awaitDisbursement("ps-" + claimId).getLong("amountFen")).isEqualTo(3_000_000_000L);

    String zeroCap = unique("prg-ps");
    send(PROGRAM_EVENTS, zeroCap, "fundflow.intake.program-published.v1", postSubsidyProgram(zeroCap,
        500_000_000 * YUAN, "INCREASE", "[{\"fromFen\":0,\"rateBasisPoints\":3000}]", 0, 0)
        .replace("\"perProjectCapFen\":0", "\"perProjectCapFen\":1"));
    List<ConsumerRecord<String, byte[]>> dead = published("post-subsidy.dlq", zeroCap, seen -> !seen.isEmpty());
    assertThat(dead).isNotEmpty();
    assertThat(program(zeroCap)).as("a cap of 0 is not stored as no cap").isNull();
  }

  @Test
  void aClaimForAProgramThatIsNotPostSubsidyIsRefused() {
    String programId = unique("prg-gen");
    publishProgram(programId, generalProgram(programId, 1_000_000, 60));
    String org = organisationCode();
    submit(applicant(org), programId, 2026, 1_000, 0).spec()
        .expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
        .expectBody().jsonPath("$.type").isEqualTo("https://fundflow.org/problems/not-a-post-subsidy-program");
  }
}
