package org.fundflow.intake.it;

import static org.fundflow.platform.test.BadInputMatrix.with;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import org.fundflow.platform.test.BadInputAndAccessMatrix;
import org.fundflow.platform.test.BadInputMatrix;
import org.fundflow.platform.test.BadUploads;
import org.fundflow.platform.test.TestJwts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * The bad-input and role x endpoint matrix of the reward-claim endpoints (issue 18 points 3 and 4), kept apart from
 * {@link BadInputAndAccessMatrixIT} (same platform driver): malformed and refused requests are problems that leave
 * the store unchanged; an applicant never reads another organisation's claim (404) nor decides one (403).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RewardClaimMatrixIT extends IntakeIT
    implements BadInputAndAccessMatrix<RewardClaimMatrixIT, RewardClaimMatrixIT.Fixture, RewardClaimMatrixIT.Who> {

  static final BadInputMatrix MATRIX = new BadInputMatrix("project-intake reward claims");

  /** Valid codes (GB 32100 check character computed) that no other test class uses. */
  static final String ORG_A = "911201165UYYR75760";
  static final String ORG_B = "91120116PBJG6RMWUD";
  static final int CODES = 48;
  static final AtomicInteger NEXT = new AtomicInteger();

  @Autowired ReactiveMongoTemplate template;

  static volatile Fixture fx;

  record Fixture(String reward, String general, String draftA, String draftNoEvidenceA, String submittedA,
      String verifiedA) {}

  /** The next unused achievement of the fixture program's table (a claim is once per organisation and achievement). */
  static String nextCode() {
    return "MX_" + NEXT.getAndIncrement();
  }

  @BeforeEach
  void fixture() {
    if (fx != null) {
      return;
    }
    List<Map<String, Object>> table = new ArrayList<>();
    for (int i = 0; i < CODES; i++) {
      table.add(Map.of("code", "MX_" + i, "name", "奖励 " + i, "amountFen", 1_000_000 + i));
    }
    Instant now = Instant.now();
    Map<String, Object> body = programBody("REWARD", 1_000_000_000, 50_000_000, now.minus(1, ChronoUnit.DAYS),
        now.plus(30, ChronoUnit.DAYS));
    body.put("rewardTable", Map.of("entries", table));
    String reward = (String) json(post(manager(), "/programs", body), HttpStatus.CREATED).get("id");
    json(post(manager(), "/programs/" + reward + "/open", null), HttpStatus.OK);
    String general = openProgram("GENERAL", 100_000_000, 10_000_000);
    fx = new Fixture(reward, general, null, null, null, null);
    String submitted = submittedClaim();
    String verified = submittedClaim();
    json(post(manager(), "/reward-claims/" + verified + "/decision", Map.of("outcome", "VERIFIED")), HttpStatus.OK);
    fx = new Fixture(reward, general, draftWithEvidence(), draft(), submitted, verified);
  }

  String draft() {
    return (String) json(post(applicant(ORG_A), "/reward-claims", Map.of("programId", fx.reward(),
        "achievementCode", nextCode())), HttpStatus.CREATED).get("id");
  }

  String draftWithEvidence() {
    String id = draft();
    json(web.post().uri("/reward-claims/" + id + "/files").headers(h -> h.setBearerAuth(applicant(ORG_A)))
        .contentType(MediaType.MULTIPART_FORM_DATA)
        .body(BodyInserters.fromMultipartData(BadUploads.filePart("证书.pdf", BadUploads.SMALL_PDF))).exchange(),
        HttpStatus.CREATED);
    return id;
  }

  String submittedClaim() {
    String id = draftWithEvidence();
    json(submit(id), HttpStatus.OK);
    return id;
  }

  WebTestClient.ResponseSpec submit(String id) {
    return web.post().uri("/reward-claims/" + id + "/submit").headers(h -> {
      h.setBearerAuth(applicant(ORG_A));
      h.set("Idempotency-Key", "key-" + id);
    }).contentType(MediaType.APPLICATION_JSON).bodyValue(pledge()).exchange();
  }

  // ================================================================== (1) bad input

  record Bad(String name, HttpMethod method, Function<Fixture, String> path, String token, Function<Fixture, Object> body,
      MediaType contentType, Map<String, String> headers, int expected) implements BadInput<Fixture> {
    @Override
    public Request request(Fixture f) {
      return new Request(method, path.apply(f), token, body.apply(f), contentType, headers);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  static Bad bad(String name, HttpMethod m, Function<Fixture, String> path, String token, Function<Fixture, Object> body,
      int expected) {
    return new Bad(name, m, path, token, body, MediaType.APPLICATION_JSON, Map.of(), expected);
  }

  static Bad keyed(String name, Function<Fixture, String> path, String token, Function<Fixture, Object> body,
      int expected) {
    return new Bad(name, HttpMethod.POST, path, token, body, MediaType.APPLICATION_JSON,
        Map.of("Idempotency-Key", "matrix-key"), expected);
  }

  static Map<String, Object> claimBody(Fixture f) {
    return Map.of("programId", f.reward(), "achievementCode", "MX_" + (CODES - 1));
  }

  static Bad named(Bad c, String field) {
    MATRIX.expectField(c.name(), field);
    return c;
  }

  static Stream<Bad> badRequests() {
    String pm = manager();
    String app = applicant(ORG_A);
    List<Bad> all = new ArrayList<>();
    String huge = "x".repeat(600 * 1024);

    String cn = "POST /reward-claims";
    Function<Fixture, String> claims = f -> "/reward-claims";
    all.add(bad(cn + " malformed JSON", HttpMethod.POST, claims, app, f -> "{\"programId\": \"unterminated", 400));
    all.add(bad(cn + " JSON array instead of object", HttpMethod.POST, claims, app, f -> "[1,2,3]", 400));
    all.add(bad(cn + " empty body", HttpMethod.POST, claims, app, f -> "", 400));
    all.add(bad(cn + " body larger than 512 KB", HttpMethod.POST, claims, app, f -> with(claimBody(f), "x", huge), 413));
    all.add(new Bad(cn + " text/plain body", HttpMethod.POST, claims, app, f -> "hello", MediaType.TEXT_PLAIN, Map.of(), 415));
    all.add(named(bad(cn + " missing programId", HttpMethod.POST, claims, app,
        f -> Map.of("achievementCode", "MX_1"), 400), "programId"));
    all.add(named(bad(cn + " achievementCode is a number", HttpMethod.POST, claims, app,
        f -> with(claimBody(f), "achievementCode", 7), 400), "achievementCode"));
    all.add(named(bad(cn + " achievementCode 41 characters", HttpMethod.POST, claims, app,
        f -> with(claimBody(f), "achievementCode", "A".repeat(41)), 400), "achievementCode"));
    all.add(bad(cn + " unknown program", HttpMethod.POST, claims, app, f -> with(claimBody(f), "programId", "nope"), 404));
    all.add(bad(cn + " in a GENERAL program", HttpMethod.POST, claims, app,
        f -> with(claimBody(f), "programId", f.general()), 422));
    all.add(bad(cn + " an achievement the table does not list", HttpMethod.POST, claims, app,
        f -> with(claimBody(f), "achievementCode", "NOT_LISTED"), 422));
    all.add(bad(cn + " by a program manager", HttpMethod.POST, claims, pm, RewardClaimMatrixIT::claimBody, 403));
    all.add(bad(cn + " by an auditor, malformed JSON", HttpMethod.POST, claims, auditor(), f -> "{\"x\": [", 403));
    all.add(bad(cn + " applicant token without org_code", HttpMethod.POST, claims,
        TestJwts.token("applicant-no-org", List.of("APPLICANT"), null), RewardClaimMatrixIT::claimBody, 403));
    all.add(bad(cn + " the verified achievement again", HttpMethod.POST, claims, app,
        f -> with(claimBody(f), "achievementCode", f.verifiedA().substring(f.verifiedA().lastIndexOf('-') + 1)), 409));

    String sn = "POST /reward-claims/{draft}/submit";
    Function<Fixture, String> submit = f -> "/reward-claims/" + f.draftA() + "/submit";
    all.add(keyed(sn + " malformed JSON", submit, app, f -> "{\"pledge\": ", 400));
    all.add(keyed(sn + " empty body", submit, app, f -> "", 400));
    all.add(bad(sn + " without Idempotency-Key", HttpMethod.POST, submit, app, f -> pledge(), 400));
    all.add(keyed(sn + " missing pledge", submit, app, f -> Map.of(), 400));
    all.add(keyed(sn + " pledge not accepted", submit, app,
        f -> Map.of("pledge", Map.of("accepted", false, "textVersion", "JN")), 422));
    all.add(named(keyed(sn + " pledge accepted is the string \"true\"", submit, app,
        f -> Map.of("pledge", Map.of("accepted", "true", "textVersion", "JN")), 400), "pledge.accepted"));
    all.add(keyed(sn + " without evidence", f -> "/reward-claims/" + f.draftNoEvidenceA() + "/submit", app,
        f -> pledge(), 422));
    all.add(keyed(sn + " by a program manager", submit, pm, f -> pledge(), 403));
    all.add(keyed(sn + " by another organisation", submit, applicant(ORG_B), f -> pledge(), 404));
    all.add(keyed("POST /reward-claims/{submitted}/submit with another key", f -> "/reward-claims/" + f.submittedA()
        + "/submit", app, f -> pledge(), 409));
    all.add(keyed("POST /reward-claims/{unknown}/submit", f -> "/reward-claims/nope/submit", app, f -> pledge(), 404));

    String dn = "POST /reward-claims/{submitted}/decision";
    Function<Fixture, String> decide = f -> "/reward-claims/" + f.submittedA() + "/decision";
    all.add(bad(dn + " malformed JSON", HttpMethod.POST, decide, pm, f -> "{\"outcome\": ", 400));
    all.add(bad(dn + " empty body", HttpMethod.POST, decide, pm, f -> "", 400));
    all.add(named(bad(dn + " unknown outcome", HttpMethod.POST, decide, pm, f -> Map.of("outcome", "MAYBE"), 400),
        "outcome"));
    all.add(named(bad(dn + " missing outcome", HttpMethod.POST, decide, pm, f -> Map.of("reason", "x"), 400), "outcome"));
    all.add(bad(dn + " reject without reason", HttpMethod.POST, decide, pm, f -> Map.of("outcome", "REJECTED"), 422));
    all.add(named(bad(dn + " reason 2001 characters", HttpMethod.POST, decide, pm,
        f -> Map.of("outcome", "REJECTED", "reason", "r".repeat(2001)), 400), "reason"));
    all.add(new Bad(dn + " If-Match of another version", HttpMethod.POST, decide, pm, f -> Map.of("outcome", "VERIFIED"),
        MediaType.APPLICATION_JSON, Map.of("If-Match", "\"999\""), 412));
    all.add(bad(dn + " by the claimant applicant (never its own)", HttpMethod.POST, decide, app,
        f -> Map.of("outcome", "VERIFIED"), 403));
    all.add(bad(dn + " by a manager of the claimant organisation", HttpMethod.POST, decide,
        TestJwts.token("pm-of-a", List.of("PROGRAM_MANAGER", "APPLICANT"), ORG_A), f -> Map.of("outcome", "VERIFIED"), 403));
    all.add(bad(dn + " by an auditor", HttpMethod.POST, decide, auditor(), f -> Map.of("outcome", "VERIFIED"), 403));
    all.add(bad("POST /reward-claims/{verified}/decision again", HttpMethod.POST,
        f -> "/reward-claims/" + f.verifiedA() + "/decision", pm, f -> Map.of("outcome", "REJECTED", "reason", "x"), 409));
    all.add(bad("POST /reward-claims/{draft}/decision", HttpMethod.POST,
        f -> "/reward-claims/" + f.draftA() + "/decision", pm, f -> Map.of("outcome", "VERIFIED"), 409));
    all.add(bad("POST /reward-claims/{unknown}/decision", HttpMethod.POST, f -> "/reward-claims/nope/decision", pm,
        f -> Map.of("outcome", "VERIFIED"), 404));
    all.add(named(bad("GET /reward-claims?status=PAID", HttpMethod.GET, f -> "/reward-claims?status=PAID", pm, f -> null,
        400), "status"));
    return all.stream();
  }

  // ================================================================== (2) role x endpoint matrix

  enum Who {
    NONE, APPLICANT, APPLICANT_OTHER_ORG, PROGRAM_MANAGER, EXPERT, FINANCE_OFFICER, FINANCE_APPROVER, INTEGRITY_OFFICER,
    AUDITOR;

    String token() {
      return switch (this) {
        case NONE -> null;
        case APPLICANT -> applicant(ORG_A);
        case APPLICANT_OTHER_ORG -> applicant(ORG_B);
        case EXPERT -> TestJwts.token("expert-x", List.of("EXPERT"), ORG_B);
        default -> TestJwts.token(name().toLowerCase() + "-x", List.of(name()), null);
      };
    }
  }

  record Endpoint(String name, HttpMethod method, Function<RewardClaimMatrixIT, String> path,
      Function<Fixture, Object> body, Map<String, String> headers, Map<Who, Integer> expected)
      implements BadInputAndAccessMatrix.Endpoint<RewardClaimMatrixIT, String, Who> {
    @Override
    public String target(RewardClaimMatrixIT test) {
      return path.apply(test);
    }

    @Override
    public Request request(RewardClaimMatrixIT test, String target, Who who) {
      return new Request(method, target, who.token(), body.apply(fx), MediaType.APPLICATION_JSON, headers);
    }
  }

  static Map<Who, Integer> only(int ok, Who... allowed) {
    return BadInputAndAccessMatrix.statuses(Who.NONE, ok, allowed);
  }

  static Map<Who, Integer> ownOrg(int ok) {
    Map<Who, Integer> m = only(ok, Who.APPLICANT);
    m.put(Who.APPLICANT_OTHER_ORG, 404);
    return m;
  }

  static List<Endpoint> endpoints() {
    Map<Who, Integer> readAsTheClaim = only(200, Who.APPLICANT, Who.PROGRAM_MANAGER, Who.AUDITOR);
    readAsTheClaim.put(Who.APPLICANT_OTHER_ORG, 404);
    Map<String, String> none = Map.of();
    return List.of(
        new Endpoint("GET /reward-claims/{A's}", HttpMethod.GET, t -> "/reward-claims/" + fx.submittedA(), f -> null,
            none, readAsTheClaim),
        new Endpoint("GET /reward-claims/{A's}/files", HttpMethod.GET, t -> "/reward-claims/" + fx.submittedA() + "/files",
            f -> null, none, readAsTheClaim),
        new Endpoint("GET /reward-claims", HttpMethod.GET, t -> "/reward-claims?limit=5", f -> null, none,
            only(200, Who.APPLICANT, Who.APPLICANT_OTHER_ORG, Who.PROGRAM_MANAGER, Who.AUDITOR)),
        new Endpoint("POST /reward-claims", HttpMethod.POST, t -> "/reward-claims",
            f -> Map.of("programId", f.reward(), "achievementCode", nextCode()), none,
            only(201, Who.APPLICANT, Who.APPLICANT_OTHER_ORG)),
        new Endpoint("POST /reward-claims/{A's draft}/submit", HttpMethod.POST,
            t -> "/reward-claims/" + t.draftWithEvidence() + "/submit", f -> pledge(),
            Map.of("Idempotency-Key", "matrix-submit"), ownOrg(200)),
        new Endpoint("POST /reward-claims/{A's submitted}/decision", HttpMethod.POST,
            t -> "/reward-claims/" + t.submittedClaim() + "/decision", f -> Map.of("outcome", "VERIFIED"), none,
            only(200, Who.PROGRAM_MANAGER)));
  }

  @Override
  public Setup<Fixture, Who> setup() {
    return new Setup<>(MATRIX, web, template, () -> fx, Who::token);
  }

  @AfterAll
  static void printTables() {
    MATRIX.printTables(endpoints().stream().map(Endpoint::name).toList(), Who.values(), 48);
  }
}
