package org.fundflow.integrity.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.fundflow.platform.test.BadInputAndAccessMatrix;
import org.fundflow.platform.test.BadInputMatrix;
import org.fundflow.platform.test.BadUploads;
import org.fundflow.platform.test.FileAccessMatrix;
import org.fundflow.platform.test.FundflowTestInfrastructure;
import org.fundflow.platform.test.TestJwts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Issue 7 point 3 for integrity-check (same configuration as {@link IntegrityServiceIT}, so one
 * context). (1) Generated bad input for every POST endpoint (cases and their steps, holds, person
 * lookup, list import): malformed JSON, wrong types, missing fields, oversize strings/bodies, years out
 * of range, unknown decisions, invalid national IDs and organisation codes, stale If-Match, illegal
 * case transitions; each is a 4xx problem and the collections are unchanged (outbox drained,
 * {@code outboxLease} ignored). A CSV of only bad rows is by design a 200 with every row rejected: it
 * must store nothing either. (2) A role x endpoint matrix (AUDITOR reads, never writes), printed once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "fundflow.integrity.expenditure.cumulative-cap-fen=10000000"})
@ContextConfiguration(initializers = FundflowTestInfrastructure.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BadInputAndAccessMatrixIT
    implements BadInputAndAccessMatrix<BadInputAndAccessMatrixIT, BadInputAndAccessMatrixIT.Fixture, BadInputAndAccessMatrixIT.Who>,
    FileAccessMatrix<BadInputAndAccessMatrixIT, BadInputAndAccessMatrixIT.Who> {

  static final BadInputMatrix MATRIX = new BadInputMatrix("integrity-check");

  static final String OFFICER = TestJwts.token("officer-mx", "INTEGRITY_OFFICER");
  static final String AUDITOR = TestJwts.token("auditor-mx", "AUDITOR");
  static final String HEADER = "partyType,partyId,partyName,misconduct,sanction,authority,legalBasis,effectiveDate,endDate\n";

  static IntegrityKafka kafka;

  @LocalServerPort int port;
  @Autowired ReactiveMongoTemplate template;
  WebTestClient web;

  static volatile Fixture fx;

  record Fixture(String freeFlag, String openCase, String investigating, String decided, String activeHold,
      String liftedHold, int investigatingRevision) {}

  @BeforeAll
  static void kafka() {
    kafka = new IntegrityKafka();
  }

  @AfterAll
  static void close() {
    kafka.close();
  }

  @BeforeEach
  void fixture() {
    web = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(30)).build();
    if (fx != null) {
      return;
    }
    kafka.send(IntegrityServiceIT.DISBURSEMENTS, "prj-mx-" + KNOWN_PAYEE, "fundflow.subsidy.disbursement-created.v1",
        IntegrityServiceIT.created("adv-prj-mx-" + KNOWN_PAYEE, "prg-mx", KNOWN_PAYEE, 100_000L));
    await().atMost(Duration.ofSeconds(30)).until(() ->
        template.findById("ORGANISATION:" + KNOWN_PAYEE, org.bson.Document.class, "known-parties").block() != null);
    String free = newFlag();
    String open = openCase(newFlag(), "fx-key");
    String inv = openCase(newFlag(), null);
    call("/cases/" + inv + "/investigation", Map.of("note", "n"), 200);
    Map<String, Object> held = call("/cases/" + inv + "/interim-holds", Map.of("reason", "precaution", "years", 1), 200);
    String active = ((List<?>) held.get("holdIds")).get(0).toString();
    String dec = openCase(newFlag(), null);
    call("/cases/" + dec + "/investigation", Map.of(), 200);
    Map<String, Object> decHeld = call("/cases/" + dec + "/interim-holds", Map.of("reason", "precaution"), 200);
    String lifted = ((List<?>) decHeld.get("holdIds")).get(0).toString();
    call("/cases/" + dec + "/decision", Map.of("decision", "DISMISSED", "reason", "no evidence"), 200);
    fx = new Fixture(free, open, inv, dec, active, lifted, ((List<?>) held.get("steps")).size());
  }

  // ------------------------------------------------------------------ building state

  static final Random RANDOM = new Random();
  static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

  /**
   * Issue 12: a party integrity-check knows (a payee with a disbursement awaiting payment). Every refused or bad
   * list import below names it and must place no hold (the store is unchanged); the allowed import holds it at once.
   */
  static final String KNOWN_PAYEE = organisationCode();
  static final String KNOWN_PAYEE_ROW = "ORGANISATION," + KNOWN_PAYEE + ",天津某精密制造有限公司,虚报研发投入,三年内不得申报,"
      + "天津市科学技术局,《科学技术活动违规行为处理规定》,2026-01-01,\n";

  /** A valid unified social credit code (GB 32100-2015 check character), new on every call. */
  static String organisationCode() {
    StringBuilder b = new StringBuilder("91120112");
    for (int i = 0; i < 9; i++) {
      b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return org.fundflow.platform.national.OrganisationCode.withCheckCharacter(b.toString());
  }

  /** A terminated project of a new organisation: the flag it raised. */
  String newFlag() {
    String org = organisationCode();
    String project = "prj-mx-" + org;
    kafka.send(IntegrityServiceIT.PROJECTS, project, "fundflow.milestone.project-terminated.v1", IntegrityServiceIT.json(Map.of(
        "projectId", project, "programId", "prg-mx", "organisationCode", org,
        "reason", "final milestone FAILED", "terminatedAt", Instant.now().toString())));
    kafka.send(IntegrityServiceIT.PROJECTS, project, IntegrityServiceIT.DILIGENCE_ASSESSED,
        IntegrityServiceIT.assessed(project, "prg-mx", org, false));
    String[] flag = new String[1];
    await().atMost(Duration.ofSeconds(30)).until(() -> {
      Map<?, ?> record = web.get().uri("/integrity-records/organisations/" + org).headers(h -> h.setBearerAuth(OFFICER))
          .exchange().expectBody(Map.class).returnResult().getResponseBody();
      List<?> flags = record == null ? null : (List<?>) record.get("flags");
      if (flags == null || flags.isEmpty()) {
        return false;
      }
      flag[0] = ((Map<?, ?>) flags.get(0)).get("flagId").toString();
      return true;
    });
    return flag[0];
  }

  String openCase(String flagId, String key) {
    return (String) web.post().uri("/cases").headers(h -> {
          h.setBearerAuth(OFFICER);
          if (key != null) {
            h.set("Idempotency-Key", key);
          }
        }).bodyValue(Map.of("flagIds", List.of(flagId))).exchange().expectStatus().isCreated()
        .expectBody(Map.class).returnResult().getResponseBody().get("caseId");
  }

  String investigating() {
    String c = openCase(newFlag(), null);
    call("/cases/" + c + "/investigation", Map.of(), 200);
    return c;
  }

  String activeHold() {
    String c = investigating();
    return ((List<?>) call("/cases/" + c + "/interim-holds", Map.of("reason", "precaution"), 200).get("holdIds")).get(0)
        .toString();
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> call(String path, Object body, int status) {
    return web.post().uri(path).headers(h -> h.setBearerAuth(OFFICER)).contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body).exchange().expectStatus().isEqualTo(status).expectBody(Map.class).returnResult().getResponseBody();
  }

  static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
    Map<String, Object> copy = new LinkedHashMap<>(base);
    copy.put(key, value);
    return copy;
  }

  // ================================================================== (1) bad input

  record Bad(String name, Function<Fixture, String> path, String token, Function<Fixture, Object> body, MediaType type,
      Function<Fixture, Map<String, String>> headers, int expected) implements BadInput<Fixture> {
    @Override
    public Request request(Fixture f) {
      return new Request(HttpMethod.POST, path.apply(f), token, body.apply(f), type, headers.apply(f));
    }

    @Override
    public String toString() {
      return name;
    }
  }

  static Bad bad(String ep, String name, Function<Fixture, String> path, Function<Fixture, Object> body, int expected) {
    return new Bad(ep + " " + name, path, OFFICER, body, MediaType.APPLICATION_JSON, f -> Map.of(), expected);
  }

  static final String HUGE = "x".repeat(600 * 1024);

  static List<Bad> generic(String ep, Function<Fixture, String> path, Map<String, Object> valid, String field) {
    return List.of(
        bad(ep, "malformed JSON", path, f -> "{\"reason\": ", 400),
        bad(ep, "JSON array", path, f -> "[\"x\"]", 400),
        bad(ep, "body over 512 KB", path, f -> with(valid, field, HUGE), 413),
        new Bad(ep + " text/plain", path, OFFICER, f -> "x", MediaType.TEXT_PLAIN, f -> Map.of(), 415));
  }

  static Stream<Bad> badRequests() {
    List<Bad> all = new ArrayList<>();

    // ---------------------------------------------------------------- POST /cases
    String ce = "POST /cases";
    Function<Fixture, String> cp = f -> "/cases";
    all.addAll(generic(ce, cp, Map.of("flagIds", List.of("f")), "note"));
    all.add(bad(ce, "empty body", cp, f -> "", 400));
    all.add(bad(ce, "missing flagIds", cp, f -> Map.of("note", "n"), 400));
    all.add(bad(ce, "empty flagIds", cp, f -> Map.of("flagIds", List.of()), 400));
    all.add(bad(ce, "blank flag id", cp, f -> Map.of("flagIds", List.of(" ")), 400));
    all.add(bad(ce, "flagIds is a string", cp, f -> Map.of("flagIds", "f1,f2"), 400));
    all.add(bad(ce, "note 4001 chars", cp, f -> Map.of("flagIds", List.of(f.freeFlag()), "note", "n".repeat(4001)), 400));
    all.add(bad(ce, "blank evidence ref", cp, f -> Map.of("flagIds", List.of(f.freeFlag()), "evidenceRefs", List.of("")), 400));
    all.add(bad(ce, "unknown flag", cp, f -> Map.of("flagIds", List.of("flag-nope")), 0));
    all.add(bad(ce, "flags of two subjects", cp, f -> Map.of("flagIds", List.of(f.freeFlag(), "flag-nope")), 0));
    all.add(new Bad(ce + " Idempotency-Key reused with other flags", cp, OFFICER, f -> Map.of("flagIds", List.of(f.freeFlag())),
        MediaType.APPLICATION_JSON, f -> Map.of("Idempotency-Key", "fx-key"), 422));
    all.add(new Bad(ce + " by the auditor", cp, AUDITOR, f -> Map.of("flagIds", List.of(f.freeFlag())),
        MediaType.APPLICATION_JSON, f -> Map.of(), 403));

    // ---------------------------------------------------------------- investigation
    String ie = "POST /cases/{id}/investigation";
    all.add(bad(ie, "already investigating", f -> "/cases/" + f.investigating() + "/investigation", f -> Map.of(), 409));
    all.add(bad(ie, "decided case", f -> "/cases/" + f.decided() + "/investigation", f -> Map.of(), 409));
    all.add(bad(ie, "unknown case", f -> "/cases/case-nope/investigation", f -> Map.of(), 404));
    all.add(bad(ie, "malformed JSON", f -> "/cases/" + f.openCase() + "/investigation", f -> "{\"note\":", 400));
    all.add(bad(ie, "note 4001 chars", f -> "/cases/" + f.openCase() + "/investigation", f -> Map.of("note", "n".repeat(4001)), 400));
    all.add(bad(ie, "note is an object", f -> "/cases/" + f.openCase() + "/investigation", f -> Map.of("note", Map.of()), 400));

    // ---------------------------------------------------------------- notes
    String ne = "POST /cases/{open}/notes";
    Function<Fixture, String> np = f -> "/cases/" + f.openCase() + "/notes";
    all.addAll(generic(ne, np, Map.of("note", "n"), "note"));
    all.add(bad(ne, "note 4001 chars", np, f -> Map.of("note", "n".repeat(4001)), 400));
    all.add(bad(ne, "blank evidence ref", np, f -> Map.of("evidenceRefs", List.of(" ")), 400));
    all.add(bad(ne, "evidenceRefs is a number", np, f -> Map.of("evidenceRefs", 5), 400));
    all.add(bad("POST /cases/{decided}/notes", "decided case", f -> "/cases/" + f.decided() + "/notes", f -> Map.of("note", "n"), 409));

    // ---------------------------------------------------------------- interim holds
    String he = "POST /cases/{investigating}/interim-holds";
    Function<Fixture, String> hp = f -> "/cases/" + f.investigating() + "/interim-holds";
    all.addAll(generic(he, hp, Map.of("reason", "r"), "reason"));
    all.add(bad(he, "missing reason", hp, f -> Map.of("years", 1), 400));
    all.add(bad(he, "reason 1001 chars", hp, f -> Map.of("reason", "r".repeat(1001)), 400));
    all.add(bad(he, "years 0", hp, f -> Map.of("reason", "r", "years", 0), 400));
    all.add(bad(he, "years 6", hp, f -> Map.of("reason", "r", "years", 6), 400));
    all.add(bad(he, "years -1", hp, f -> Map.of("reason", "r", "years", -1), 400));
    all.add(bad(he, "years beyond int", hp, f -> Map.of("reason", "r", "years", Long.MAX_VALUE), 400));
    all.add(bad(he, "years a word", hp, f -> Map.of("reason", "r", "years", "two"), 400));
    all.add(bad("POST /cases/{open}/interim-holds", "OPEN case", f -> "/cases/" + f.openCase() + "/interim-holds",
        f -> Map.of("reason", "r"), 409));
    all.add(bad("POST /cases/{decided}/interim-holds", "decided case", f -> "/cases/" + f.decided() + "/interim-holds",
        f -> Map.of("reason", "r"), 409));

    // ---------------------------------------------------------------- decision
    String de = "POST /cases/{investigating}/decision";
    Function<Fixture, String> dp = f -> "/cases/" + f.investigating() + "/decision";
    Map<String, Object> confirm = Map.of("decision", "CONFIRMED", "reason", "r");
    all.addAll(generic(de, dp, confirm, "reason"));
    all.add(bad(de, "unknown decision", dp, f -> with(confirm, "decision", "GUILTY"), 400));
    all.add(bad(de, "lower-case decision", dp, f -> with(confirm, "decision", "confirmed"), 400));
    all.add(bad(de, "missing decision", dp, f -> Map.of("reason", "r"), 400));
    all.add(bad(de, "missing reason", dp, f -> Map.of("decision", "CONFIRMED"), 400));
    all.add(bad(de, "reason 4001 chars", dp, f -> with(confirm, "reason", "r".repeat(4001)), 400));
    all.add(bad(de, "holdYears 0", dp, f -> with(with(confirm, "placeHold", true), "holdYears", 0), 400));
    all.add(bad(de, "holdYears 6", dp, f -> with(with(confirm, "placeHold", true), "holdYears", 6), 400));
    all.add(bad(de, "placeHold a word", dp, f -> with(confirm, "placeHold", "maybe"), 400));
    all.add(new Bad(de + " stale If-Match", dp, OFFICER, f -> confirm, MediaType.APPLICATION_JSON,
        f -> Map.of("If-Match", "\"1\""), 412));
    all.add(bad("POST /cases/{open}/decision", "OPEN case", f -> "/cases/" + f.openCase() + "/decision", f -> confirm, 409));
    all.add(bad("POST /cases/{decided}/decision", "decided case", f -> "/cases/" + f.decided() + "/decision", f -> confirm, 409));
    all.add(bad("POST /cases/{unknown}/decision", "unknown case", f -> "/cases/case-nope/decision", f -> confirm, 404));

    // ---------------------------------------------------------------- lift
    String le = "POST /holds/{active}/lift";
    Function<Fixture, String> lp = f -> "/holds/" + f.activeHold() + "/lift";
    all.addAll(generic(le, lp, Map.of("reason", "r"), "reason"));
    all.add(bad(le, "missing reason", lp, f -> Map.of(), 400));
    all.add(bad(le, "blank reason", lp, f -> Map.of("reason", " "), 400));
    all.add(bad(le, "reason 1001 chars", lp, f -> Map.of("reason", "r".repeat(1001)), 400));
    // its own problem type (was illegal-case-transition, issue 12 point 10)
    all.add(typed(bad("POST /holds/{lifted}/lift", "already lifted", f -> "/holds/" + f.liftedHold() + "/lift",
        f -> Map.of("reason", "again"), 409), "hold-already-lifted"));
    all.add(bad("POST /holds/{unknown}/lift", "unknown hold", f -> "/holds/hold-nope/lift", f -> Map.of("reason", "r"), 404));
    all.add(new Bad(le + " by the auditor", lp, AUDITOR, f -> Map.of("reason", "r"), MediaType.APPLICATION_JSON,
        f -> Map.of(), 403));

    // ---------------------------------------------------------------- person lookup
    String pe = "POST /integrity-records/persons/lookup";
    Function<Fixture, String> pp = f -> "/integrity-records/persons/lookup";
    all.addAll(generic(pe, pp, Map.of("personId", "1"), "personId"));
    all.add(bad(pe, "missing personId", pp, f -> Map.of(), 400));
    all.add(bad(pe, "17 characters", pp, f -> Map.of("personId", "11010519491231002"), 400));
    all.add(bad(pe, "19 characters", pp, f -> Map.of("personId", "11010519491231002X1"), 400));
    all.add(bad(pe, "wrong check character", pp, f -> Map.of("personId", "110105194912310021"), 400));
    all.add(bad(pe, "impossible birth date", pp, f -> Map.of("personId", "110105194913310021"), 400));

    // ---------------------------------------------------------------- dishonesty list import
    String ie2 = "POST /dishonesty-list/imports";
    Function<Fixture, String> lip = f -> "/dishonesty-list/imports";
    MediaType csv = MediaType.parseMediaType("text/csv");
    all.add(new Bad(ie2 + " JSON instead of CSV", lip, OFFICER, f -> Map.of("rows", List.of()), MediaType.APPLICATION_JSON,
        f -> Map.of(), 415));
    all.add(new Bad(ie2 + " over 512 KB", lip, OFFICER, f -> HEADER + HUGE, csv, f -> Map.of(), 413));
    all.add(new Bad(ie2 + " by the auditor", lip, AUDITOR, f -> HEADER, csv, f -> Map.of(), 403));
    // issue 12: refused imports naming a known payee hold nothing
    all.add(new Bad(ie2 + " naming a known payee, by the auditor", lip, AUDITOR, f -> HEADER + KNOWN_PAYEE_ROW, csv,
        f -> Map.of(), 403));
    all.add(new Bad(ie2 + " naming a known payee, without a token", lip, null, f -> HEADER + KNOWN_PAYEE_ROW, csv,
        f -> Map.of(), 401));
    all.add(new Bad(ie2 + " naming a known payee, as JSON", lip, OFFICER, f -> Map.of("csv", HEADER + KNOWN_PAYEE_ROW),
        MediaType.APPLICATION_JSON, f -> Map.of(), 415));
    // by design a 200 that rejects every row and stores nothing
    for (String row : List.of(
        "ORGANISATION,91120112MNH91HTMX7,坏码,m,s,a,l,2025-03-01,",
        "ORGANISATION,91120112mnh91htmx6,小写,m,s,a,l,2025-03-01,",
        "PERSON,110105194912310021,坏号,m,s,a,l,2025-03-01,",
        "ALIEN,91120112MNH91HTMX6,未知类型,m,s,a,l,2025-03-01,",
        "ORGANISATION,91120112MNH91HTMX6,坏日期,m,s,a,l,2025-02-30,",
        "ORGANISATION,91120112MNH91HTMX6,结束早于开始,m,s,a,l,2025-03-01,2024-01-01",
        "ORGANISATION,91120112MNH91HTMX6,缺列",
        // issue 12: bad rows naming a known payee are not stored, so they cannot hold it
        "ORGANISATION," + KNOWN_PAYEE + ",坏日期,m,s,a,l,2026-02-30,",
        "ORGANISATION," + KNOWN_PAYEE + ",结束早于开始,m,s,a,l,2026-03-01,2026-01-01",
        "ORGANISATION," + KNOWN_PAYEE + ",缺列")) {
      all.add(new Bad(ie2 + " only a bad row: " + row, lip, OFFICER, f -> HEADER + row + "\n", csv, f -> Map.of(), 200));
    }
    // broken quoting: the whole file is refused naming the line, even its good rows are not taken (issue 12 point 10)
    String good = "ORGANISATION,91120112MNH91HTMX6,\"某公司, 天津\",m,s,a,l,2025-03-01,\n";
    all.add(typed(new Bad(ie2 + " broken quoting: quoted field never closed (line 3)", lip, OFFICER,
        f -> HEADER + good + "ORGANISATION,91120112DA1KCGYFXP,\"未闭合,m,s,a,l,2025-03-01,\n", csv, f -> Map.of(), 400),
        "malformed-csv", "line 3"));
    all.add(typed(new Bad(ie2 + " broken quoting: quote inside an unquoted field (line 4)", lip, OFFICER,
        f -> HEADER + good + good + "ORGANISATION,91120112DA1KCGYFXP,某\"公司,m,s,a,l,2025-03-01,\n", csv, f -> Map.of(), 400),
        "malformed-csv", "line 4"));
    all.add(typed(new Bad(ie2 + " broken quoting: text after the closing quote (line 2)", lip, OFFICER,
        f -> HEADER + "ORGANISATION,91120112DA1KCGYFXP,\"某公司\"x,m,s,a,l,2025-03-01,\n" + good, csv, f -> Map.of(), 400),
        "malformed-csv", "line 2"));
    all.add(new Bad(ie2 + " by the auditor, broken quoting", lip, AUDITOR, f -> HEADER + "ORGANISATION,\"x", csv,
        f -> Map.of(), 403));
    // two methods take the path (text/csv and multipart), neither for the auditor: 403, not 415
    all.add(new Bad(ie2 + " by the auditor, JSON instead of CSV", lip, AUDITOR, f -> Map.of("rows", List.of()),
        MediaType.APPLICATION_JSON, f -> Map.of(), 403));

    // ---------------------------------------------------------------- issue 16: the import preview
    String pv = "POST /dishonesty-list/imports/preview";
    Function<Fixture, String> pvp = f -> "/dishonesty-list/imports/preview";
    all.add(new Bad(pv + " JSON instead of CSV", pvp, OFFICER, f -> Map.of("rows", List.of()), MediaType.APPLICATION_JSON,
        f -> Map.of(), 415));
    all.add(new Bad(pv + " over 512 KB", pvp, OFFICER, f -> HEADER + HUGE, csv, f -> Map.of(), 413));
    all.add(new Bad(pv + " naming a known payee, by the auditor", pvp, AUDITOR, f -> HEADER + KNOWN_PAYEE_ROW, csv,
        f -> Map.of(), 403));
    all.add(typed(new Bad(pv + " broken quoting (line 2)", pvp, OFFICER,
        f -> HEADER + "ORGANISATION,91120112DA1KCGYFXP,\"某公司\"x,m,s,a,l,2025-03-01,\n", csv, f -> Map.of(), 400),
        "malformed-csv", "line 2"));

    // ---------------------------------------------------------------- issue 12: strict types, one error shape
    all.add(named(bad(pe, "personId as a JSON number", pp, f -> "{\"personId\":110108197203044876}", 400), "personId"));
    all.add(named(bad(pe, "personId wrong check character (test vector)", pp,
        f -> Map.of("personId", "370202199301189980"), 400), "personId"));
    all.add(named(bad(pe, "personId 30 February (test vector)", pp, f -> Map.of("personId", "370202199902304790"), 400),
        "personId"));
    all.add(named(bad(he, "years is a numeric string \"3\"", hp, f -> Map.of("reason", "r", "years", "3"), 400), "years"));
    all.add(named(bad(he, "years 1.5", hp, f -> Map.of("reason", "r", "years", 1.5), 400), "years"));
    all.add(named(bad(he, "reason is a number", hp, f -> Map.of("reason", 5), 400), "reason"));
    all.add(named(bad(de, "unknown decision (lists the values)", dp, f -> with(confirm, "decision", "GUILTY"), 400), "decision"));
    all.add(named(bad(de, "decision is a number", dp, f -> with(confirm, "decision", 0), 400), "decision"));
    all.add(named(bad(de, "placeHold is the string \"true\"", dp, f -> with(confirm, "placeHold", "true"), 400), "placeHold"));
    all.add(named(bad(de, "holdYears is a numeric string", dp, f -> with(with(confirm, "placeHold", true), "holdYears", "2"), 400),
        "holdYears"));
    all.add(named(bad(ce, "a flag id is a number", cp, f -> Map.of("flagIds", List.of(f.freeFlag(), 7)), 400), "flagIds[1]"));
    all.add(named(bad(ne, "second evidence ref blank", np, f -> Map.of("evidenceRefs", List.of("ok", " ")), 400),
        "evidenceRefs[1]"));

    // ---------------------------------------------------------------- issue 12 point 7: the role before the body
    all.add(new Bad(ce + " by the auditor, malformed JSON", cp, AUDITOR, f -> "{\"flagIds\": ", MediaType.APPLICATION_JSON,
        f -> Map.of(), 403));
    all.add(new Bad(de + " by the auditor, invalid fields", dp, AUDITOR, f -> with(confirm, "decision", "GUILTY"),
        MediaType.APPLICATION_JSON, f -> Map.of(), 403));
    all.add(new Bad(le + " by the auditor, garbage body", lp, AUDITOR, f -> "[1]", MediaType.APPLICATION_JSON, f -> Map.of(), 403));
    all.add(new Bad(he + " by an applicant, empty body", hp, TestJwts.token("app-mx", List.of("APPLICANT"), "91120112MNH91HTMX6"),
        f -> "", MediaType.APPLICATION_JSON, f -> Map.of(), 403));
    all.add(new Bad(pe + " by an applicant, invalid national ID", pp,
        TestJwts.token("app-mx", List.of("APPLICANT"), "91120112MNH91HTMX6"), f -> Map.of("personId", "370202199301189980"),
        MediaType.APPLICATION_JSON, f -> Map.of(), 403));
    return all.stream();
  }

  /** Cases whose problem has this type slug, and text its detail must contain (by case name). */
  static final Map<String, String[]> TYPED = new java.util.concurrent.ConcurrentHashMap<>();

  /** A case whose problem must name exactly this field in {@code errors[]}. */
  static Bad named(Bad c, String field) {
    MATRIX.expectField(c.name(), field);
    return c;
  }

  static Bad typed(Bad c, String slug, String... detail) {
    String[] expected = new String[detail.length + 1];
    expected[0] = "\"type\":\"https://fundflow.org/problems/" + slug + "\"";
    System.arraycopy(detail, 0, expected, 1, detail.length);
    TYPED.put(c.name(), expected);
    return c;
  }

  /** Invalid organisation codes in the path are 400 naming the parameter (the same status in every service). */
  @ParameterizedTest(name = "GET /integrity-records/organisations/{0} as {1} -> {2}")
  @MethodSource("organisationLookups")
  @Order(1)
  void anInvalidOrganisationCodeInThePathIsA400NamingIt(String code, String who, int expected) {
    MATRIX.baseline(template);
    EntityExchangeResult<String> r = BadInputMatrix.exchange(web, HttpMethod.GET, "/integrity-records/organisations/" + code,
        who.equals("AUDITOR") ? AUDITOR : TestJwts.token("app-mx", List.of("APPLICANT"), "91120112MNH91HTMX6"), null,
        MediaType.APPLICATION_JSON, Map.of());
    MATRIX.assertBadInputRefused("GET /integrity-records/organisations/" + code + " as " + who, r, expected);
    if (expected == 400) {
      BadInputMatrix.assertNamesField(r, "organisationCode", code);
    }
    MATRIX.assertUnchanged(template, "GET organisation " + code);
  }

  static Stream<Arguments> organisationLookups() {
    return Stream.of(Arguments.of("91120112MNH91HTMX7", "AUDITOR", 400), Arguments.of("12310P15H51AG5U99P", "AUDITOR", 400),
        Arguments.of("91120112QL7CG8PLX", "AUDITOR", 400), Arguments.of("91120112mnh91htmx6", "AUDITOR", 400),
        Arguments.of("91120112MNH91HTMX7", "APPLICANT", 403));
  }

  /** Issue 16: bad filter values of the work queues are 400 naming the parameter; nothing changes. */
  @ParameterizedTest(name = "GET {0} -> 400 naming {1}")
  @MethodSource("badQueueFilters")
  @Order(1)
  void aBadWorkQueueFilterIsA400NamingIt(String query, String field) {
    MATRIX.baseline(template);
    EntityExchangeResult<String> r = BadInputMatrix.exchange(web, HttpMethod.GET, query, OFFICER, null,
        MediaType.APPLICATION_JSON, Map.of());
    MATRIX.assertBadInputRefused("GET " + query, r, 400);
    BadInputMatrix.assertNamesField(r, field, query);
    MATRIX.assertUnchanged(template, "GET " + query);
  }

  static Stream<Arguments> badQueueFilters() {
    return Stream.of(Arguments.of("/flags?severity=HUGE", "severity"), Arguments.of("/flags?rule=MADE_UP", "rule"),
        Arguments.of("/flags?status=CLOSED", "status"), Arguments.of("/flags?organisationCode=91120112MNH91HTMX7",
            "organisationCode"), Arguments.of("/flags?limit=0", "limit"), Arguments.of("/flags?limit=101", "limit"),
        Arguments.of("/flags?limit=ten", "limit"), Arguments.of("/flags?after=not-a-cursor", "after"),
        Arguments.of("/cases?status=PENDING", "status"), Arguments.of("/cases?organisationCode=x", "organisationCode"),
        Arguments.of("/cases?after=%25%25", "after"), Arguments.of("/holds?status=EXPIRED", "status"),
        Arguments.of("/holds?limit=-1", "limit"), Arguments.of("/dishonesty-list?status=ACTIVE", "status"),
        Arguments.of("/dishonesty-list?partyType=COMPANY", "partyType"),
        Arguments.of("/dishonesty-list?organisationCode=91120112mnh91htmx6", "organisationCode"));
  }

  @Override
  public void alsoAssertBadInput(BadInput<Fixture> c, EntityExchangeResult<String> r) {
    String body = r.getResponseBody();
    if (c.expected() == 200) {
      assertThat(body).as(c.name()).contains("\"imported\":0").contains("\"rejected\":[{");
    }
    if (MATRIX.expectedField(c.name()) != null && c.name().contains("unknown decision")) {
      assertThat(body).as("lists the allowed values").contains("must be one of");
    }
    if (TYPED.containsKey(c.name())) {
      assertThat(body).as(c.name()).contains(TYPED.get(c.name()));
    }
    assertThat(body).as("no national ID echoed").doesNotContain("110108197203044876").doesNotContain("370202199301189980")
        .doesNotContain("370202199902304790");
    assertThat(body).as("no national ID echoed").doesNotContain("110105194912310021");
  }

  // ================================================================== (2) role x endpoint matrix

  enum Who {
    NONE, APPLICANT, PROGRAM_MANAGER, EXPERT, FINANCE_OFFICER, FINANCE_APPROVER, INTEGRITY_OFFICER, AUDITOR;

    String token() {
      return switch (this) {
        case NONE -> null;
        case INTEGRITY_OFFICER -> OFFICER;
        case AUDITOR -> BadInputAndAccessMatrixIT.AUDITOR;
        case APPLICANT, EXPERT -> TestJwts.token(name().toLowerCase() + "-mx", List.of(name()), "91120112MNH91HTMX6");
        default -> TestJwts.token(name().toLowerCase() + "-mx", List.of(name()), null);
      };
    }
  }

  record Endpoint(String name, HttpMethod method, Function<BadInputAndAccessMatrixIT, String> path, Object body,
      MediaType type, Map<Who, Integer> expected)
      implements BadInputAndAccessMatrix.Endpoint<BadInputAndAccessMatrixIT, String, Who> {
    @Override
    public String target(BadInputAndAccessMatrixIT test) {
      return path.apply(test);
    }

    @Override
    public Request request(BadInputAndAccessMatrixIT test, String target, Who who) {
      return new Request(method, target, who.token(), test.body(this, expected.get(who) >= 400), type, Map.of());
    }
  }

  static Map<Who, Integer> only(int ok, Who... allowed) {
    return BadInputAndAccessMatrix.statuses(Who.NONE, ok, allowed);
  }

  static Map<Who, Integer> otherOrganisation() {
    Map<Who, Integer> m = only(403);
    m.put(Who.APPLICANT, 404);
    return m;
  }

  static List<BadInputAndAccessMatrix.Endpoint<BadInputAndAccessMatrixIT, ?, Who>> endpoints() {
    MediaType json = MediaType.APPLICATION_JSON;
    Map<Who, Integer> write = only(200, Who.INTEGRITY_OFFICER);
    return List.of(
        new Endpoint("GET /integrity-records/organisations/{code}", HttpMethod.GET,
            t -> "/integrity-records/organisations/91120112MNH91HTMX6", null, json,
            only(200, Who.INTEGRITY_OFFICER, Who.AUDITOR, Who.PROGRAM_MANAGER)),
        // issue 14 point 4: an applicant reads the holds on its own organisation; another organisation's do not exist
        new Endpoint("GET /organisations/{own}/holds", HttpMethod.GET,
            t -> "/organisations/91120112MNH91HTMX6/holds", null, json, only(200, Who.APPLICANT)),
        new Endpoint("GET /organisations/{another}/holds", HttpMethod.GET,
            t -> "/organisations/" + KNOWN_PAYEE + "/holds", null, json, otherOrganisation()),
        new Endpoint("POST /integrity-records/persons/lookup", HttpMethod.POST, t -> "/integrity-records/persons/lookup",
            Map.of("personId", "120101198004135929"), json, only(200, Who.INTEGRITY_OFFICER, Who.AUDITOR)),
        new Endpoint("GET /cases/{id}", HttpMethod.GET, t -> "/cases/" + fx.openCase(), null, json,
            only(200, Who.INTEGRITY_OFFICER, Who.AUDITOR)),
        new Endpoint("POST /cases", HttpMethod.POST, t -> "/cases", null, json, only(201, Who.INTEGRITY_OFFICER)),
        new Endpoint("POST /cases/{open}/investigation", HttpMethod.POST,
            t -> "/cases/" + t.openCase(t.newFlag(), null) + "/investigation", Map.of("note", "n"), json, write),
        new Endpoint("POST /cases/{open}/notes", HttpMethod.POST, t -> "/cases/" + t.openCase(t.newFlag(), null) + "/notes",
            Map.of("note", "n"), json, write),
        new Endpoint("POST /cases/{investigating}/interim-holds", HttpMethod.POST,
            t -> "/cases/" + t.investigating() + "/interim-holds", Map.of("reason", "precaution"), json, write),
        new Endpoint("POST /cases/{investigating}/decision", HttpMethod.POST, t -> "/cases/" + t.investigating() + "/decision",
            Map.of("decision", "DISMISSED", "reason", "no evidence"), json, write),
        new Endpoint("POST /holds/{active}/lift", HttpMethod.POST, t -> "/holds/" + t.activeHold() + "/lift",
            Map.of("reason", "rectified"), json, write),
        new Endpoint("POST /dishonesty-list/imports (CSV)", HttpMethod.POST, t -> "/dishonesty-list/imports",
            HEADER + "PERSON,120101196310216525,王某,抄袭,三年,天津市科学技术局,意见,2026-01-15,\n" + KNOWN_PAYEE_ROW,
            MediaType.parseMediaType("text/csv"), write),
        // issue 16: the work queues (read) and the import preview (officer only, changes nothing)
        new Endpoint("GET /flags", HttpMethod.GET, t -> "/flags?severity=HIGH", null, json,
            only(200, Who.INTEGRITY_OFFICER, Who.AUDITOR)),
        new Endpoint("GET /cases", HttpMethod.GET, t -> "/cases?status=OPEN", null, json,
            only(200, Who.INTEGRITY_OFFICER, Who.AUDITOR)),
        new Endpoint("GET /holds", HttpMethod.GET, t -> "/holds?status=ACTIVE", null, json,
            only(200, Who.INTEGRITY_OFFICER, Who.AUDITOR)),
        new Endpoint("GET /dishonesty-list", HttpMethod.GET, t -> "/dishonesty-list?status=IN_FORCE", null, json,
            only(200, Who.INTEGRITY_OFFICER, Who.AUDITOR)),
        new Endpoint("POST /dishonesty-list/imports/preview", HttpMethod.POST, t -> "/dishonesty-list/imports/preview",
            HEADER + KNOWN_PAYEE_ROW, MediaType.parseMediaType("text/csv"), write),
        // issue 16 point 4: the dashboard figures (read)
        BadInputAndAccessMatrix.read("/statistics/flags", only(200, Who.INTEGRITY_OFFICER, Who.AUDITOR)));
  }

  /** POST /cases needs a fresh flag in its body: made per allowed call, once for the refused ones. */
  Object body(Endpoint e, boolean refused) {
    if (!e.name().equals("POST /cases")) {
      return e.body();
    }
    return Map.of("flagIds", List.of(refused ? fx.freeFlag() : newFlag()));
  }

  @Override
  public Setup<Fixture, Who> setup() {
    return new Setup<>(MATRIX, web, template, () -> fx, Who::token);
  }

  @Override
  public FileSetup<Who> fileSetup() {
    return new FileSetup<>(MATRIX, web, template, Who::token, () -> "/cases/" + fx.openCase() + "/evidence", OFFICER, "询问笔录.pdf");
  }

  /** Issue 12: the one allowed import (by the officer, in the matrix above) held the known payee at once. */
  @org.junit.jupiter.api.Test
  @Order(4)
  void theAllowedImportHeldTheKnownPayeeAtOnce_onlyOnce() {
    Map<?, ?> record = web.get().uri("/integrity-records/organisations/" + KNOWN_PAYEE).headers(h -> h.setBearerAuth(AUDITOR))
        .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    assertThat(record.get("onHold")).isEqualTo(true);
    assertThat((List<?>) record.get("holds")).hasSize(1);
    assertThat((List<?>) record.get("flags")).hasSize(1);
  }

  /** Issue 12 point 3: a disbursement-released without its payee is dead-lettered with the reason and raises nothing. */
  @org.junit.jupiter.api.Test
  @Order(5)
  void aReleasedPaymentEventWithoutItsPayeeGoesToTheDeadLetterTopic() {
    Map<String, Object> bad = new LinkedHashMap<>();
    bad.put("disbursementId", "adv-prj-mx-" + KNOWN_PAYEE);
    bad.put("programId", "prg-mx");
    bad.put("amountFen", 100_000L);
    bad.put("releasedAt", Instant.now().toString());
    String id = kafka.send(IntegrityServiceIT.DISBURSEMENTS, "prj-mx-" + KNOWN_PAYEE,
        "fundflow.subsidy.disbursement-released.v1", IntegrityServiceIT.json(bad));
    assertThat(IntegrityKafka.deadLetterReason("integrity-check.dlq", id, Duration.ofSeconds(60)))
        .contains("organisationCode");
  }

  // ================================================================== (3) case evidence files (issue 15)

  /** A case under investigation with one evidence file, made once: {caseId, fileId}. */
  static volatile String[] caseWithFile;

  String[] caseWithFile() {
    if (caseWithFile == null) {
      String c = openCase(newFlag(), null);
      EntityExchangeResult<String> r = BadUploads.exchange(web, HttpMethod.POST, "/cases/" + c + "/evidence", OFFICER,
          BadUploads.filePart("询问笔录.pdf", BadUploads.SMALL_PDF));
      assertThat(r.getStatus().value()).as(r.getResponseBody()).isEqualTo(201);
      caseWithFile = new String[] {c,
          tools.jackson.databind.json.JsonMapper.builder().build().readTree(r.getResponseBody()).get("fileId").asString()};
    }
    return caseWithFile;
  }

  static List<FileEndpoint<BadInputAndAccessMatrixIT, Who>> fileEndpoints() {
    Map<Who, Integer> read = only(200, Who.INTEGRITY_OFFICER, Who.AUDITOR);
    return List.of(
        new FileEndpoint<>("POST /cases/{open}/evidence", HttpMethod.POST,
            t -> "/cases/" + t.openCase(t.newFlag(), null) + "/evidence", true, only(201, Who.INTEGRITY_OFFICER)),
        new FileEndpoint<>("POST /cases/{decided}/evidence", HttpMethod.POST, t -> "/cases/" + fx.decided() + "/evidence",
            true, only(409, Who.INTEGRITY_OFFICER)),
        new FileEndpoint<>("POST /cases/{unknown}/evidence", HttpMethod.POST, t -> "/cases/case-none/evidence",
            true, only(404, Who.INTEGRITY_OFFICER)),
        new FileEndpoint<>("GET /cases/{id}/evidence", HttpMethod.GET, t -> "/cases/" + t.caseWithFile()[0] + "/evidence",
            false, read),
        new FileEndpoint<>("GET /cases/{id}/evidence/{id}", HttpMethod.GET,
            t -> "/cases/" + t.caseWithFile()[0] + "/evidence/" + t.caseWithFile()[1], false, read),
        new FileEndpoint<>("GET /cases/{other}/evidence/{id}", HttpMethod.GET,
            t -> "/cases/" + fx.openCase() + "/evidence/" + t.caseWithFile()[1], false, only(404, Who.INTEGRITY_OFFICER,
                Who.AUDITOR)));
  }

  @AfterAll
  static void printFileTables() {
    MATRIX.printTables(fileEndpoints().stream().map(FileEndpoint::name).toList(), Who.values(), 46);
  }

  @AfterAll
  static void printTables() {
    MATRIX.printTables(endpoints().stream().map(e -> e.name()).toList(), Who.values(), 46);
  }

  // ================================================================== helpers

}
