package org.fundflow.subsidy.it;

import static org.fundflow.platform.test.BadInputMatrix.with;
import static org.fundflow.platform.test.BadInputMatrix.without;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import org.fundflow.platform.test.BadInputAndAccessMatrix;
import org.fundflow.platform.test.BadInputMatrix;
import org.fundflow.platform.test.BadUploads;
import org.fundflow.platform.test.FileAccessMatrix;
import org.fundflow.platform.test.TestJwts;
import org.fundflow.subsidy.domain.Money;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Issue 7 point 3 for post-subsidy. (1) Generated bad input for every POST endpoint (preparation,
 * release, claims, verification): malformed JSON, wrong types, missing fields, oversize strings and
 * bodies, negative and huge amounts, bad years, unknown outcomes, missing/stale If-Match and
 * Idempotency-Key, illegal transitions, four eyes; each is a 4xx problem and the service's
 * collections are unchanged (outbox drained, {@code outboxLease} ignored). (2) A role x endpoint
 * matrix, printed once; it includes a preparer (with both finance roles) releasing its own
 * preparation (403 four-eyes).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BadInputAndAccessMatrixIT extends SubsidyIT
    implements BadInputAndAccessMatrix<BadInputAndAccessMatrixIT, BadInputAndAccessMatrixIT.Fixture, BadInputAndAccessMatrixIT.Who>,
    FileAccessMatrix<BadInputAndAccessMatrixIT, BadInputAndAccessMatrixIT.Who> {

  static final BadInputMatrix MATRIX = new BadInputMatrix("post-subsidy");

  static final String ORG_A = organisationCode();
  static final String ORG_B = organisationCode();
  /** Issue 12: an organisation put under an integrity hold after one of its payments was prepared. */
  static final String ORG_HELD = organisationCode();
  static final String DUAL = TestJwts.token("dana-dual", List.of("FINANCE_OFFICER", "FINANCE_APPROVER"), null);
  static final AtomicInteger YEARS = new AtomicInteger(2000);

  static volatile Fixture fx;

  record Fixture(String general, String postSubsidy, String created, String prepared, long preparedVersion,
      String released, String selfPrepared, long selfVersion, String claim, String decidedClaim, String held,
      long heldPreparedVersion, long heldVersion, String createdWhileHeld, String keyed) {}

  /** The Idempotency-Key the fixture's {@code keyed} payment was prepared with (issue 16 point 2). */
  static final String PREPARE_KEY = "fixture-prepare-key";

  @BeforeEach
  void fixture() {
    if (fx != null) {
      return;
    }
    String general = unique("prg-gen");
    publishProgram(general, generalProgram(general, 1_000_000_000_000L, 60));
    String ps = unique("prg-ps");
    publishProgram(ps, postSubsidyProgram(ps, 4_100_000_00L, "INCREASE", "[{\"fromFen\":0,\"rateBasisPoints\":3000}]",
        1_000_000_00L, 500_00L));
    String created = advance(general, ORG_A);
    String prepared = advance(general, ORG_A);
    long pv = prepare(prepared);
    String released = advance(general, ORG_A);
    release(released, prepare(released), unique("key"), APPROVER_BOB, "PAY-1").expectStatus().isOk();
    String self = advance(general, ORG_A);
    long sv = prepare(self, DUAL);
    String claim = claim(ps, ORG_A, 2026);
    String decided = claim(ps, ORG_A, 2025);
    web.post().uri("/claims/{id}/verification", decided).headers(h -> h.setBearerAuth(OFFICER))
        .bodyValue(Map.of("outcome", "REJECTED", "reason", "no audit")).exchange().expectStatus().isOk();
    // issue 12: a payment prepared before its organisation was held, and one created while it is held
    String held = advance(general, ORG_HELD);
    long hpv = prepare(held);
    send(INTEGRITY_EVENTS, ORG_HELD, "fundflow.integrity.hold-placed.v1", hold(unique("hold-mx"), ORG_HELD));
    long hv = awaitDisbursement(held, d -> status(d, "ON_HOLD")).getLong("version");
    String createdWhileHeld = advance(general, ORG_HELD);
    awaitDisbursement(createdWhileHeld, d -> status(d, "ON_HOLD"));
    String keyed = advance(general, ORG_A);
    web.post().uri("/disbursements/{id}/preparation", keyed).headers(h -> {
          h.setBearerAuth(OFFICER);
          h.set("Idempotency-Key", PREPARE_KEY);
        })
        .bodyValue(prepareBody()).exchange().expectStatus().isOk();
    fx = new Fixture(general, ps, created, prepared, pv, released, self, sv, claim, decided, held, hpv, hv,
        createdWhileHeld, keyed);
  }

  /** A GENERAL award of the organisation: its advance disbursement (CREATED). */
  String advance(String programId, String org) {
    String projectId = unique("prj");
    send(PROPOSAL_EVENTS, projectId, "fundflow.intake.proposal-awarded.v1",
        awarded(projectId, programId, "GENERAL", org, 1_000_000, DisbursementLifecycleIT.FINAL));
    awaitDisbursement("adv-" + projectId);
    return "adv-" + projectId;
  }

  String claim(String programId, String org, int year) {
    return (String) web.post().uri("/claims").headers(h -> h.setBearerAuth(applicant(org)))
        .bodyValue(claimBody(programId, year)).exchange().expectStatus().isCreated()
        .expectBody(Map.class).returnResult().getResponseBody().get("id");
  }

  static String applicant(String org) {
    return TestJwts.token("app-" + org, List.of("APPLICANT"), org);
  }

  static Map<String, Object> claimBody(String programId, int year) {
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("programId", programId);
    b.put("fiscalYear", year);
    b.put("expenditureThisYearFen", 10_000_000_00L);
    b.put("expenditureLastYearFen", 6_800_000_00L);
    b.put("auditReportReference", "津审字(2027)第0012号");
    return b;
  }

  static Map<String, Object> prepareBody() {
    return Map.of("payeeName", "Tianjin Widgets Co.", "bank", "Bank of Tianjin", "accountNumber", "6222020302001234567");
  }

  // ================================================================== (1) bad input

  record Bad(String name, HttpMethod method, Function<Fixture, String> path, String token, Function<Fixture, Object> body,
      MediaType type, Function<Fixture, Map<String, String>> headers, int expected) implements BadInput<Fixture> {
    @Override
    public Request request(Fixture f) {
      return new Request(method, path.apply(f), token, body.apply(f), type, headers.apply(f));
    }

    @Override
    public String toString() {
      return name;
    }
  }

  static Bad bad(String name, String path0, Function<Fixture, String> path, String token, Function<Fixture, Object> body,
      Function<Fixture, Map<String, String>> headers, int expected) {
    return new Bad(path0 + " " + name, HttpMethod.POST, path, token, body, MediaType.APPLICATION_JSON, headers, expected);
  }

  static final String HUGE = "x".repeat(600 * 1024);

  static List<Bad> generic(String ep, Function<Fixture, String> path, String token, Function<Fixture, Map<String, Object>> valid,
      Function<Fixture, Map<String, String>> headers, String stringField) {
    return List.of(
        bad("malformed JSON", ep, path, token, f -> "{\"a\": ", headers, 400),
        bad("JSON array", ep, path, token, f -> "[]", headers, 400),
        bad("empty body", ep, path, token, f -> "", headers, 400),
        bad("body over 512 KB", ep, path, token, f -> with(valid.apply(f), stringField, HUGE), headers, 413),
        new Bad(ep + " text/plain", HttpMethod.POST, path, token, f -> "x", MediaType.TEXT_PLAIN, headers, 415));
  }

  static Stream<Bad> badRequests() {
    List<Bad> all = new ArrayList<>();
    Function<Fixture, Map<String, String>> none = f -> Map.of();

    // ---------------------------------------------------------------- preparation
    String pe = "POST /disbursements/{created}/preparation";
    Function<Fixture, String> prep = f -> "/disbursements/" + f.created() + "/preparation";
    all.addAll(generic(pe, prep, OFFICER, f -> prepareBody(), none, "payeeName"));
    all.add(bad("missing payeeName", pe, prep, OFFICER, f -> without(prepareBody(), "payeeName"), none, 400));
    all.add(bad("payeeName 201 chars", pe, prep, OFFICER, f -> with(prepareBody(), "payeeName", "p".repeat(201)), none, 400));
    all.add(bad("blank bank", pe, prep, OFFICER, f -> with(prepareBody(), "bank", " "), none, 400));
    all.add(bad("account with letters", pe, prep, OFFICER, f -> with(prepareBody(), "accountNumber", "62220203ABC"), none, 400));
    all.add(bad("account 41 digits", pe, prep, OFFICER, f -> with(prepareBody(), "accountNumber", "1".repeat(41)), none, 400));
    all.add(bad("account is an object", pe, prep, OFFICER, f -> with(prepareBody(), "accountNumber", Map.of()), none, 400));
    all.add(bad("stale If-Match", pe, prep, OFFICER, f -> prepareBody(), f -> Map.of("If-Match", "\"99\""), 412));
    all.add(bad("by an approver", pe, prep, APPROVER_BOB, f -> prepareBody(), none, 403));
    all.add(bad("by an applicant of the organisation", pe, prep, applicant(ORG_A), f -> prepareBody(), none, 403));
    all.add(bad("of a RELEASED disbursement", "POST /disbursements/{released}/preparation",
        f -> "/disbursements/" + f.released() + "/preparation", OFFICER, f -> prepareBody(), none, 409));
    all.add(bad("of an unknown disbursement", "POST /disbursements/{unknown}/preparation",
        f -> "/disbursements/nope/preparation", OFFICER, f -> prepareBody(), none, 404));
    // issue 16 point 2: the Idempotency-Key of a preparation
    all.add(bad("Idempotency-Key of 201 chars", pe, prep, OFFICER, f -> prepareBody(),
        f -> Map.of("Idempotency-Key", "k".repeat(201)), 400));
    String pk = "POST /disbursements/{keyed}/preparation";
    Function<Fixture, String> keyedPrep = f -> "/disbursements/" + f.keyed() + "/preparation";
    all.add(bad("its Idempotency-Key with another account", pk, keyedPrep, OFFICER,
        f -> with(prepareBody(), "accountNumber", "6222020302009999999"), f -> Map.of("Idempotency-Key", PREPARE_KEY), 422));
    all.add(bad("its Idempotency-Key by another officer", pk, keyedPrep,
        TestJwts.token("olga-other", List.of("FINANCE_OFFICER"), null), f -> prepareBody(),
        f -> Map.of("Idempotency-Key", PREPARE_KEY), 422));
    all.add(bad("its Idempotency-Key, same request, stale If-Match (the same answer, nothing written)", pk, keyedPrep,
        OFFICER, f -> prepareBody(), f -> Map.of("Idempotency-Key", PREPARE_KEY, "If-Match", "\"1\""), 200));

    // ---------------------------------------------------------------- recoveries (追回, issue 17 point 4)
    String rr = "POST /recoveries/{unknown}/record";
    Function<Fixture, String> rec = f -> "/recoveries/rcv-nope/record";
    Map<String, Object> repaid = Map.of("outcome", "REPAID", "repaidFen", 100, "paymentReference", "BOC-1", "note", "退回");
    all.addAll(generic(rr, rec, OFFICER, f -> repaid, none, "note"));
    all.add(bad("missing outcome", rr, rec, OFFICER, f -> without(repaid, "outcome"), none, 400));
    all.add(bad("unknown outcome", rr, rec, OFFICER, f -> with(repaid, "outcome", "FORGIVEN"), none, 400));
    all.add(bad("repaidFen 0", rr, rec, OFFICER, f -> with(repaid, "repaidFen", 0), none, 400));
    all.add(bad("repaidFen 1.5", rr, rec, OFFICER, f -> with(repaid, "repaidFen", 1.5), none, 400));
    all.add(bad("blank note", rr, rec, OFFICER, f -> with(repaid, "note", " "), none, 400));
    all.add(bad("paymentReference 129 chars", rr, rec, OFFICER, f -> with(repaid, "paymentReference", "r".repeat(129)), none, 400));
    all.add(bad("valid, unknown recovery", rr, rec, OFFICER, f -> repaid, none, 404));
    all.add(bad("by an approver", rr, rec, APPROVER_BOB, f -> repaid, none, 403));
    all.add(bad("by an applicant", rr, rec, applicant(ORG_A), f -> repaid, none, 403));
    String rf = "POST /recoveries/{unknown}/refusal";
    Function<Fixture, String> ref = f -> "/recoveries/rcv-nope/refusal";
    all.add(bad("blank reason", rf, ref, APPROVER_BOB, f -> Map.of("reason", " "), none, 400));
    all.add(bad("valid, unknown recovery", rf, ref, APPROVER_BOB, f -> Map.of("reason", "金额有误"), none, 404));
    all.add(bad("by an applicant", rf, ref, applicant(ORG_A), f -> Map.of("reason", "x"), none, 403));

    // ---------------------------------------------------------------- release
    String re = "POST /disbursements/{prepared}/release";
    Function<Fixture, String> rel = f -> "/disbursements/" + f.prepared() + "/release";
    Function<Fixture, Map<String, String>> ok = f -> Map.of("If-Match", "\"" + f.preparedVersion() + "\"",
        "Idempotency-Key", "bad-input-key");
    Map<String, Object> pay = Map.of("paymentReference", "PAY-X");
    all.addAll(generic(re, rel, APPROVER_BOB, f -> pay, ok, "paymentReference"));
    all.add(bad("missing paymentReference", re, rel, APPROVER_BOB, f -> Map.of(), ok, 400));
    all.add(bad("paymentReference 101 chars", re, rel, APPROVER_BOB, f -> Map.of("paymentReference", "r".repeat(101)), ok, 400));
    all.add(bad("paymentReference is a list", re, rel, APPROVER_BOB, f -> Map.of("paymentReference", List.of("a")), ok, 400));
    all.add(bad("without If-Match", re, rel, APPROVER_BOB, f -> pay, f -> Map.of("Idempotency-Key", "k1"), 428));
    all.add(bad("without Idempotency-Key", re, rel, APPROVER_BOB, f -> pay,
        f -> Map.of("If-Match", "\"" + f.preparedVersion() + "\""), 400));
    all.add(bad("stale If-Match", re, rel, APPROVER_BOB, f -> pay, f -> Map.of("If-Match", "\"99\"", "Idempotency-Key", "k2"), 412));
    all.add(bad("If-Match garbage", re, rel, APPROVER_BOB, f -> pay, f -> Map.of("If-Match", "abc", "Idempotency-Key", "k3"), 0));
    all.add(bad("by the officer", re, rel, OFFICER, f -> pay, ok, 403));
    all.add(bad("by the auditor", re, rel, AUDITOR, f -> pay, ok, 403));
    all.add(bad("by its own preparer (four eyes)", "POST /disbursements/{self-prepared}/release",
        f -> "/disbursements/" + f.selfPrepared() + "/release", DUAL, f -> pay,
        f -> Map.of("If-Match", "\"" + f.selfVersion() + "\"", "Idempotency-Key", "k4"), 403));
    all.add(bad("of a CREATED disbursement", "POST /disbursements/{created}/release",
        f -> "/disbursements/" + f.created() + "/release", APPROVER_BOB, f -> pay,
        f -> Map.of("If-Match", "\"1\"", "Idempotency-Key", "k5"), 409));
    all.add(bad("of a RELEASED disbursement with another key", "POST /disbursements/{released}/release",
        f -> "/disbursements/" + f.released() + "/release", APPROVER_CAROL, f -> pay,
        f -> Map.of("If-Match", "\"3\"", "Idempotency-Key", "k6"), 0));
    all.add(bad("of an unknown disbursement", "POST /disbursements/{unknown}/release", f -> "/disbursements/nope/release",
        APPROVER_BOB, f -> pay, f -> Map.of("If-Match", "\"1\"", "Idempotency-Key", "k7"), 404));

    // ---------------------------------------------------------------- issue 12: payments of a held organisation
    String he = "POST /disbursements/{held}/release";
    Function<Fixture, String> heldRel = f -> "/disbursements/" + f.held() + "/release";
    all.add(bad("with the version read before the hold", he, heldRel, APPROVER_BOB, f -> pay,
        f -> Map.of("If-Match", "\"" + f.heldPreparedVersion() + "\"", "Idempotency-Key", "k-held-1"), 409));
    all.add(bad("with its current version", he, heldRel, APPROVER_BOB, f -> pay,
        f -> Map.of("If-Match", "\"" + f.heldVersion() + "\"", "Idempotency-Key", "k-held-2"), 409));
    all.add(bad("by another approver", he, heldRel, APPROVER_CAROL, f -> pay,
        f -> Map.of("If-Match", "\"" + f.heldVersion() + "\"", "Idempotency-Key", "k-held-3"), 409));
    all.add(bad("of a payment created while held", "POST /disbursements/{created while held}/release",
        f -> "/disbursements/" + f.createdWhileHeld() + "/release", APPROVER_BOB, f -> pay,
        f -> Map.of("If-Match", "\"1\"", "Idempotency-Key", "k-held-4"), 409));
    all.add(bad("of a payment created while held", "POST /disbursements/{created while held}/preparation",
        f -> "/disbursements/" + f.createdWhileHeld() + "/preparation", OFFICER, f -> prepareBody(), none, 409));

    // ---------------------------------------------------------------- claims
    String ce = "POST /claims";
    Function<Fixture, String> claims = f -> "/claims";
    String app = applicant(ORG_B);
    all.addAll(generic(ce, claims, app, f -> claimBody(f.postSubsidy(), 2024), none, "auditReportReference"));
    all.add(bad("fiscalYear 1999", ce, claims, app, f -> claimBody(f.postSubsidy(), 1999), none, 400));
    all.add(bad("fiscalYear 2101", ce, claims, app, f -> claimBody(f.postSubsidy(), 2101), none, 400));
    all.add(bad("fiscalYear is a word", ce, claims, app, f -> with(claimBody(f.postSubsidy(), 2024), "fiscalYear", "MMXXIV"), none, 400));
    all.add(bad("fiscalYear is a date", ce, claims, app, f -> with(claimBody(f.postSubsidy(), 2024), "fiscalYear", "2024-01-01"), none, 400));
    all.add(bad("this year -1", ce, claims, app, f -> with(claimBody(f.postSubsidy(), 2024), "expenditureThisYearFen", -1), none, 400));
    all.add(bad("last year -1", ce, claims, app, f -> with(claimBody(f.postSubsidy(), 2024), "expenditureLastYearFen", -1), none, 400));
    all.add(bad("amount beyond long", ce, claims, app, f -> "{\"programId\":\"" + f.postSubsidy()
        + "\",\"fiscalYear\":2024,\"expenditureThisYearFen\":92233720368547758070,\"expenditureLastYearFen\":0,"
        + "\"auditReportReference\":\"r\"}", none, 400));
    all.add(bad("this year 1.5 fen (never truncated)", ce, claims, app,
        f -> with(claimBody(f.postSubsidy(), 2024), "expenditureThisYearFen", 1.5), none, 400));
    all.add(bad("this year above the maximum", ce, claims, app,
        f -> with(claimBody(f.postSubsidy(), 2024), "expenditureThisYearFen", Money.MAX_FEN + 1), none, 400));
    all.add(bad("this year Long.MAX_VALUE", ce, claims, app,
        f -> with(claimBody(f.postSubsidy(), 2024), "expenditureThisYearFen", Long.MAX_VALUE), none, 400));
    all.add(bad("last year above the maximum", ce, claims, app,
        f -> with(claimBody(f.postSubsidy(), 2024), "expenditureLastYearFen", Money.MAX_FEN + 1), none, 400));
    all.add(bad("amount is a string", ce, claims, app, f -> with(claimBody(f.postSubsidy(), 2024), "expenditureThisYearFen", "lots"), none, 400));
    all.add(bad("missing amounts", ce, claims, app, f -> without(without(claimBody(f.postSubsidy(), 2024),
        "expenditureThisYearFen"), "expenditureLastYearFen"), none, 400));
    all.add(bad("missing programId", ce, claims, app, f -> without(claimBody(f.postSubsidy(), 2024), "programId"), none, 400));
    all.add(bad("programId 101 chars", ce, claims, app, f -> claimBody("p".repeat(101), 2024), none, 400));
    all.add(bad("missing audit report", ce, claims, app, f -> without(claimBody(f.postSubsidy(), 2024), "auditReportReference"), none, 400));
    all.add(bad("audit report 201 chars", ce, claims, app, f -> with(claimBody(f.postSubsidy(), 2024), "auditReportReference",
        "r".repeat(201)), none, 400));
    all.add(bad("unknown program", ce, claims, app, f -> claimBody("prg-nope", 2024), none, 422));
    all.add(bad("GENERAL program", ce, claims, app, f -> claimBody(f.general(), 2024), none, 422));
    all.add(bad("same organisation, program and year again", ce, claims, applicant(ORG_A),
        f -> claimBody(f.postSubsidy(), 2026), none, 409));
    all.add(bad("by a finance officer", ce, claims, OFFICER, f -> claimBody(f.postSubsidy(), 2024), none, 403));
    all.add(bad("by an applicant token without org_code", ce, claims,
        TestJwts.token("app-no-org", List.of("APPLICANT"), null), f -> claimBody(f.postSubsidy(), 2024), none, 0));

    // ---------------------------------------------------------------- verification
    String ve = "POST /claims/{submitted}/verification";
    Function<Fixture, String> ver = f -> "/claims/" + f.claim() + "/verification";
    all.addAll(generic(ve, ver, OFFICER, f -> Map.of("outcome", "VERIFIED"), none, "reason"));
    all.add(bad("unknown outcome", ve, ver, OFFICER, f -> Map.of("outcome", "MAYBE"), none, 400));
    all.add(bad("lower-case outcome", ve, ver, OFFICER, f -> Map.of("outcome", "verified"), none, 400));
    all.add(bad("missing outcome", ve, ver, OFFICER, f -> Map.of("reason", "x"), none, 400));
    all.add(bad("outcome is a boolean", ve, ver, OFFICER, f -> Map.of("outcome", true), none, 400));
    all.add(bad("reason 2001 chars", ve, ver, OFFICER, f -> Map.of("outcome", "REJECTED", "reason", "r".repeat(2001)), none, 400));
    all.add(bad("stale If-Match", ve, ver, OFFICER, f -> Map.of("outcome", "VERIFIED"), f -> Map.of("If-Match", "\"42\""), 412));
    all.add(bad("by an approver", ve, ver, APPROVER_BOB, f -> Map.of("outcome", "VERIFIED"), none, 403));
    all.add(bad("by the claiming applicant", ve, ver, applicant(ORG_A), f -> Map.of("outcome", "VERIFIED"), none, 403));
    all.add(bad("of a decided claim", "POST /claims/{decided}/verification", f -> "/claims/" + f.decidedClaim() + "/verification",
        OFFICER, f -> Map.of("outcome", "VERIFIED"), none, 409));
    all.add(bad("of an unknown claim", "POST /claims/{unknown}/verification", f -> "/claims/nope/verification",
        OFFICER, f -> Map.of("outcome", "VERIFIED"), none, 404));

    // ---------------------------------------------------------------- claims list paging (issue 12 point 10)
    for (String q : List.of("limit=0", "limit=501", "limit=-1")) {
      all.add(new Bad("GET /claims?" + q, HttpMethod.GET, f -> "/claims?" + q, AUDITOR, f -> null,
          MediaType.APPLICATION_JSON, none, 400));
    }
    all.add(named(get("GET /claims?limit=ten (not a number)", "/claims?limit=ten", AUDITOR, 400), "limit"));
    // ---------------------------------------------------------------- issue 12: strict types, one error shape
    all.add(named(bad("fiscalYear is a numeric string \"2024\"", ce, claims, app,
        f -> with(claimBody(f.postSubsidy(), 2024), "fiscalYear", "2024"), none, 400), "fiscalYear"));
    all.add(named(bad("this year is a numeric string \"100000\"", ce, claims, app,
        f -> with(claimBody(f.postSubsidy(), 2024), "expenditureThisYearFen", "100000"), none, 400), "expenditureThisYearFen"));
    all.add(named(bad("last year is an empty string", ce, claims, app,
        f -> with(claimBody(f.postSubsidy(), 2024), "expenditureLastYearFen", ""), none, 400), "expenditureLastYearFen"));
    all.add(named(bad("programId is a number", ce, claims, app,
        f -> with(claimBody(f.postSubsidy(), 2024), "programId", 7), none, 400), "programId"));
    all.add(named(bad("audit report is a boolean", ce, claims, app,
        f -> with(claimBody(f.postSubsidy(), 2024), "auditReportReference", true), none, 400), "auditReportReference"));
    all.add(named(bad("outcome is a number", ve, ver, OFFICER, f -> Map.of("outcome", 1), none, 400), "outcome"));
    all.add(named(bad("account number is a JSON number", pe, prep, OFFICER,
        f -> with(prepareBody(), "accountNumber", 6222020302001234567L), none, 400), "accountNumber"));
    all.add(named(bad("payeeName is a number", pe, prep, OFFICER, f -> with(prepareBody(), "payeeName", 1), none, 400),
        "payeeName"));
    all.add(named(bad("paymentReference is a number", re, rel, APPROVER_BOB, f -> Map.of("paymentReference", 12345), ok, 400),
        "paymentReference"));

    // ---------------------------------------------------------------- issue 12 point 7: the role before the body
    all.add(bad("by an approver, malformed JSON", pe, prep, APPROVER_BOB, f -> "{\"a\": ", none, 403));
    all.add(bad("by an applicant, invalid fields", pe, prep, applicant(ORG_A),
        f -> with(prepareBody(), "accountNumber", Map.of()), none, 403));
    all.add(bad("by the officer, garbage body", re, rel, OFFICER, f -> "[]", ok, 403));
    all.add(new Bad(re + " by the officer, text/plain body", HttpMethod.POST, rel, OFFICER, f -> "x", MediaType.TEXT_PLAIN, ok, 403));
    all.add(bad("by the auditor, empty body", re, rel, AUDITOR, f -> "", ok, 403));
    all.add(bad("by a finance officer, invalid fields", ce, claims, OFFICER,
        f -> with(claimBody(f.postSubsidy(), 2024), "fiscalYear", "MMXXIV"), none, 403));
    all.add(bad("by the claiming applicant, malformed JSON", ve, ver, applicant(ORG_A), f -> "{\"a\": ", none, 403));

    // ---------------------------------------------------------------- query parameters (issue 12 points 5 and 8)
    all.add(named(get("GET /disbursements?status=LOTTERY (unknown enum value)", "/disbursements?status=LOTTERY", AUDITOR, 400),
        "status"));
    all.add(named(get("GET /disbursements?status=released (enum values are upper case)", "/disbursements?status=released",
        OFFICER, 400), "status"));
    all.add(named(get("GET /claims?status=NOPE (unknown enum value)", "/claims?status=NOPE", OFFICER, 400), "status"));
    all.add(named(get("GET /disbursements?organisationCode=invalid", "/disbursements?organisationCode=91120112MNH91HTMX7",
        AUDITOR, 400), "organisationCode"));
    all.add(named(get("GET /claims?organisationCode=invalid (test vector)", "/claims?organisationCode=12310P15H51AG5U99P",
        OFFICER, 400), "organisationCode"));
    all.add(named(get("GET /disbursements?limit=0", "/disbursements?limit=0", AUDITOR, 400), "limit"));
    all.add(named(get("GET /disbursements?limit=many", "/disbursements?limit=many", AUDITOR, 400), "limit"));
    all.add(named(get("GET /disbursements/export without from", "/disbursements/export?to=2026-01-31", OFFICER, 400), "from"));
    all.add(named(get("GET /disbursements/export?from=1st of May", "/disbursements/export?from=1.5.2026&to=2026-05-31",
        OFFICER, 400), "from"));
    all.add(get("GET /disbursements/export?to before from", "/disbursements/export?from=2026-02-01&to=2026-01-31",
        APPROVER_BOB, 400));
    all.add(get("GET /disbursements/export over 366 days", "/disbursements/export?from=2025-01-01&to=2026-01-02",
        AUDITOR, 400));
    all.add(named(get("GET /disbursements/export?limit=501", "/disbursements/export?from=2026-01-01&to=2026-01-31&limit=501",
        AUDITOR, 400), "limit"));
    all.add(get("GET /disbursements?status=LOTTERY by an expert", "/disbursements?status=LOTTERY",
        TestJwts.token("exp-x", "EXPERT"), 403));
    return all.stream();
  }

  static Bad get(String name, String uri, String token, int expected) {
    return new Bad(name, HttpMethod.GET, f -> uri, token, f -> null, MediaType.APPLICATION_JSON, f -> Map.of(), expected);
  }

  /** A case whose problem must name exactly this field in {@code errors[]}. */
  static Bad named(Bad c, String field) {
    MATRIX.expectField(c.name(), field);
    return c;
  }

  @Override
  public void alsoAssertBadInput(BadInput<Fixture> c, EntityExchangeResult<String> r) {
    if (c.name().contains("held}")) {
      assertThat(r.getResponseBody()).as(c.name()).contains("https://fundflow.org/problems/organisation-on-hold");
    }
    if (MATRIX.expectedField(c.name()) != null && c.name().contains("status=")) {
      assertThat(r.getResponseBody()).as("lists the allowed values, no Java class").contains("must be one of")
          .doesNotContain("org.fundflow");
    }
  }

  // ================================================================== (2) role x endpoint matrix

  enum Who {
    NONE, APPLICANT, APPLICANT_OTHER_ORG, PROGRAM_MANAGER, EXPERT, FINANCE_OFFICER, FINANCE_APPROVER,
    PREPARER_AS_APPROVER, INTEGRITY_OFFICER, AUDITOR;

    String token() {
      return switch (this) {
        case NONE -> null;
        case APPLICANT -> applicant(ORG_A);
        case APPLICANT_OTHER_ORG -> applicant(ORG_B);
        case EXPERT -> TestJwts.token("expert-x", List.of("EXPERT"), ORG_B);
        case FINANCE_OFFICER -> OFFICER;
        case FINANCE_APPROVER -> APPROVER_BOB;
        case PREPARER_AS_APPROVER -> DUAL;
        default -> TestJwts.token(name().toLowerCase() + "-x", List.of(name()), null);
      };
    }
  }

  record Target(String path, Map<String, String> headers) {}

  record Endpoint(String name, HttpMethod method, Function<BadInputAndAccessMatrixIT, Target> make,
      Function<Fixture, Object> body, Map<Who, Integer> expected)
      implements BadInputAndAccessMatrix.Endpoint<BadInputAndAccessMatrixIT, Target, Who> {
    @Override
    public Target target(BadInputAndAccessMatrixIT test) {
      return make.apply(test);
    }

    @Override
    public Request request(BadInputAndAccessMatrixIT test, Target t, Who who) {
      return new Request(method, t.path(), who.token(), body.apply(fx), MediaType.APPLICATION_JSON, t.headers());
    }
  }

  static Map<Who, Integer> only(int ok, Who... allowed) {
    return BadInputAndAccessMatrix.statuses(Who.NONE, ok, allowed);
  }

  static Target at(String path) {
    return new Target(path, Map.of());
  }

  static List<BadInputAndAccessMatrix.Endpoint<BadInputAndAccessMatrixIT, ?, Who>> endpoints() {
    Who[] readers = {Who.APPLICANT, Who.APPLICANT_OTHER_ORG, Who.FINANCE_OFFICER, Who.FINANCE_APPROVER,
        Who.PREPARER_AS_APPROVER, Who.AUDITOR};
    Map<Who, Integer> ownRead = only(200, readers);
    ownRead.put(Who.APPLICANT_OTHER_ORG, 404);
    // issue 12: nobody releases a payment of a held organisation (the approvers are told why)
    Map<Who, Integer> heldRelease = only(200);
    heldRelease.put(Who.FINANCE_APPROVER, 409);
    heldRelease.put(Who.PREPARER_AS_APPROVER, 409);
    Map<Who, Integer> release = only(200, Who.FINANCE_APPROVER);
    release.put(Who.PREPARER_AS_APPROVER, 403); // four eyes: the target was prepared by this very user
    return List.of(
        new Endpoint("GET /disbursements", HttpMethod.GET, t -> at("/disbursements?limit=5"), f -> null, only(200, readers)),
        new Endpoint("GET /disbursements/{A's}", HttpMethod.GET, t -> at("/disbursements/" + fx.created()), f -> null, ownRead),
        new Endpoint("GET /disbursements/export", HttpMethod.GET,
            t -> at("/disbursements/export?from=2026-01-01&to=2026-01-31&limit=5"), f -> null,
            only(200, Who.FINANCE_OFFICER, Who.FINANCE_APPROVER, Who.PREPARER_AS_APPROVER, Who.AUDITOR)),
        new Endpoint("GET /claims", HttpMethod.GET, t -> at("/claims"), f -> null, only(200, readers)),
        new Endpoint("GET /recoveries", HttpMethod.GET, t -> at("/recoveries"), f -> null, only(200, readers)),
        new Endpoint("GET /claims/{A's}", HttpMethod.GET, t -> at("/claims/" + fx.claim()), f -> null, ownRead),
        // issue 16 point 2: whoever reads the claim reads what verifying it would grant
        new Endpoint("GET /claims/{A's}/computation", HttpMethod.GET, t -> at("/claims/" + fx.claim() + "/computation"),
            f -> null, ownRead),
        new Endpoint("GET /programs/{id}/budget", HttpMethod.GET, t -> at("/programs/" + fx.general() + "/budget"), f -> null,
            only(200, Who.FINANCE_OFFICER, Who.FINANCE_APPROVER, Who.PREPARER_AS_APPROVER, Who.AUDITOR)),
        // issue 16 point 4: the dashboard figures
        BadInputAndAccessMatrix.read("/statistics/programs",
            only(200, Who.FINANCE_OFFICER, Who.FINANCE_APPROVER, Who.PREPARER_AS_APPROVER, Who.AUDITOR)),
        BadInputAndAccessMatrix.read("/statistics/payments",
            only(200, Who.FINANCE_OFFICER, Who.FINANCE_APPROVER, Who.PREPARER_AS_APPROVER, Who.AUDITOR)),
        new Endpoint("POST /disbursements/{created}/preparation", HttpMethod.POST,
            t -> at("/disbursements/" + t.advance(fx.general(), ORG_A) + "/preparation"), f -> prepareBody(),
            only(200, Who.FINANCE_OFFICER, Who.PREPARER_AS_APPROVER)),
        new Endpoint("POST /disbursements/{prepared by dual}/release", HttpMethod.POST, t -> {
              String id = t.advance(fx.general(), ORG_A);
              long v = t.prepare(id, DUAL);
              return new Target("/disbursements/" + id + "/release", Map.of("If-Match", "\"" + v + "\"",
                  "Idempotency-Key", unique("key")));
            }, f -> Map.of("paymentReference", "PAY-M"), release),
        new Endpoint("POST /disbursements/{held}/release", HttpMethod.POST,
            t -> new Target("/disbursements/" + fx.held() + "/release", Map.of("If-Match", "\"" + fx.heldVersion() + "\"",
                "Idempotency-Key", unique("key"))), f -> Map.of("paymentReference", "PAY-H"), heldRelease),
        new Endpoint("POST /claims", HttpMethod.POST, t -> at("/claims"), f -> claimBody(f.postSubsidy(), YEARS.incrementAndGet()),
            only(201, Who.APPLICANT, Who.APPLICANT_OTHER_ORG)),
        new Endpoint("POST /claims/{submitted}/verification", HttpMethod.POST,
            t -> at("/claims/" + t.claim(fx.postSubsidy(), ORG_A, YEARS.incrementAndGet()) + "/verification"),
            f -> Map.of("outcome", "REJECTED", "reason", "no audit"),
            only(200, Who.FINANCE_OFFICER, Who.PREPARER_AS_APPROVER)));
  }

  @Override
  public Setup<Fixture, Who> setup() {
    return new Setup<>(MATRIX, web, template, () -> fx, Who::token);
  }

  @Override
  public FileSetup<Who> fileSetup() {
    return new FileSetup<>(MATRIX, web, template, Who::token, () -> "/claims/" + fx.claim() + "/evidence", applicant(ORG_A), "审计报告.pdf");
  }

  @AfterAll
  static void printTables() {
    MATRIX.printTables(endpoints().stream().map(e -> e.name()).toList(), Who.values(), 46);
  }

  // ================================================================== (3) claim evidence files (issue 15)

  /** A claim of A with one evidence file, made once: {claimId, fileId}. */
  static volatile String[] claimWithFile;

  String[] claimWithFile() {
    if (claimWithFile == null) {
      String claim = claim(fx.postSubsidy(), ORG_A, YEARS.incrementAndGet());
      claimWithFile = new String[] {claim, attach(claim)};
    }
    return claimWithFile;
  }

  String attach(String claim) {
    EntityExchangeResult<String> r = BadUploads.exchange(web, HttpMethod.POST, "/claims/" + claim + "/evidence",
        applicant(ORG_A), BadUploads.filePart("审计报告.pdf", BadUploads.SMALL_PDF));
    assertThat(r.getStatus().value()).as(r.getResponseBody()).isEqualTo(201);
    return tools.jackson.databind.json.JsonMapper.builder().build().readTree(r.getResponseBody()).get("fileId").asString();
  }

  static List<FileEndpoint<BadInputAndAccessMatrixIT, Who>> fileEndpoints() {
    // as the claim: the organisation, finance, auditors; another organisation's claim does not exist for an applicant
    Map<Who, Integer> asTheClaim = only(200, Who.APPLICANT, Who.FINANCE_OFFICER, Who.FINANCE_APPROVER,
        Who.PREPARER_AS_APPROVER, Who.AUDITOR);
    asTheClaim.put(Who.APPLICANT_OTHER_ORG, 404);
    Map<Who, Integer> attach = only(201, Who.APPLICANT);
    attach.put(Who.APPLICANT_OTHER_ORG, 404);
    Map<Who, Integer> attachDecided = only(409, Who.APPLICANT);
    attachDecided.put(Who.APPLICANT_OTHER_ORG, 404);
    return List.of(
        new FileEndpoint<>("POST /claims/{A's submitted}/evidence", HttpMethod.POST,
            t -> "/claims/" + t.claim(fx.postSubsidy(), ORG_A, YEARS.incrementAndGet()) + "/evidence", true, attach),
        new FileEndpoint<>("POST /claims/{A's decided}/evidence", HttpMethod.POST,
            t -> "/claims/" + fx.decidedClaim() + "/evidence", true, attachDecided),
        new FileEndpoint<>("GET /claims/{A's}/evidence", HttpMethod.GET,
            t -> "/claims/" + t.claimWithFile()[0] + "/evidence", false, asTheClaim),
        new FileEndpoint<>("GET /claims/{A's}/evidence/{id}", HttpMethod.GET,
            t -> "/claims/" + t.claimWithFile()[0] + "/evidence/" + t.claimWithFile()[1], false, asTheClaim));
  }

  @AfterAll
  static void printFileTables() {
    MATRIX.printTables(fileEndpoints().stream().map(FileEndpoint::name).toList(), Who.values(), 46);
  }

  // ================================================================== helpers

}
