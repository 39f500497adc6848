package org.fundflow.intake.it;

import static org.fundflow.platform.test.BadInputMatrix.with;
import static org.fundflow.platform.test.BadInputMatrix.without;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.bson.Document;
import org.fundflow.platform.test.BadInputAndAccessMatrix;
import org.fundflow.platform.test.BadInputMatrix;
import org.fundflow.platform.test.BadUploads;
import org.fundflow.platform.test.FileAccessMatrix;
import org.fundflow.platform.test.TestJwts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Issue 7 point 3 for project-intake. (1) Generated bad input: every POST/PUT/DELETE endpoint gets
 * malformed JSON, wrong types, missing fields, oversize strings/lists/bodies, negative and huge
 * amounts, invalid organisation codes and national IDs, bad dates, unknown enum values and illegal
 * transitions; each is a 4xx {@code application/problem+json} with {@code type} and {@code status}
 * and the service's collections are byte-for-byte the same before and after (outbox drained first,
 * the relay's transient {@code outboxLease} ignored). Unknown extra fields are ignored and never
 * stored. (2) A role x endpoint matrix (no token, every role, an applicant of another organisation),
 * printed once.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BadInputAndAccessMatrixIT extends IntakeIT
    implements BadInputAndAccessMatrix<BadInputAndAccessMatrixIT, BadInputAndAccessMatrixIT.Fixture, BadInputAndAccessMatrixIT.Who>,
    FileAccessMatrix<BadInputAndAccessMatrixIT, BadInputAndAccessMatrixIT.Who> {

  static final BadInputMatrix MATRIX = new BadInputMatrix("project-intake");

  static final String ORG_A = ORGS.get(17); // organisations no other test class places a hold on
  static final String ORG_B = ORGS.get(11);
  static final String BAD_ORG = "91120112MNH91HTMX7"; // wrong check character
  static final String BAD_ID = "370202199301189980"; // wrong check character

  @Autowired ReactiveMongoTemplate template;

  /** Records created once per JVM for the cases (a fresh record per case where the case succeeds). */
  static volatile Fixture fx;

  record Fixture(String openGeneral, String draftProgram, String challengeProgram, String challenge,
      String closedProgram, String draftA, String submittedA, String underReviewA, String awardedA, String withdrawnA,
      String reviewProgram, String awaitingReviewA) {}

  @BeforeEach
  void fixture() {
    if (fx != null) {
      return;
    }
    String general = openProgram("GENERAL", 1_000_000_000, 50_000_000);
    String draftProgram = (String) json(post(manager(), "/programs",
        programBody("GENERAL", 100_000_000, 10_000_000, Instant.now(), Instant.now().plus(9, ChronoUnit.DAYS))),
        HttpStatus.CREATED).get("id");
    String challengeProgram = openProgram("CHALLENGE", 1_000_000_000, 50_000_000);
    String challenge = (String) json(post(manager(), "/programs/" + challengeProgram + "/challenges", challengeBody()),
        HttpStatus.CREATED).get("id");
    String closed = openProgram("GENERAL", 100_000_000, 10_000_000);
    json(post(manager(), "/programs/" + closed + "/close", null), HttpStatus.OK);
    String awarded = underReview(general, ORG_A, 1_000_000);
    json(post(manager(), "/proposals/" + awarded + "/award", Map.of("amountFen", 900_000)), HttpStatus.OK);
    String withdrawn = submitted(general, ORG_A, 1_000_000);
    json(post(applicant(ORG_A), "/proposals/" + withdrawn + "/withdraw", null), HttpStatus.OK);
    // 立项评审: a program that requires expert review, and a proposal of it in review without a score yet
    Map<String, Object> reviewed = programBody("GENERAL", 1_000_000_000, 50_000_000, Instant.now().minus(1, ChronoUnit.DAYS),
        Instant.now().plus(9, ChronoUnit.DAYS));
    reviewed.put("expertReview", Map.of("required", true));
    String reviewProgram = (String) json(post(manager(), "/programs", reviewed), HttpStatus.CREATED).get("id");
    json(post(manager(), "/programs/" + reviewProgram + "/open", null), HttpStatus.OK);
    fx = new Fixture(general, draftProgram, challengeProgram, challenge, closed, draft(general, ORG_A, 1_000_000),
        submitted(general, ORG_A, 1_000_000), underReview(general, ORG_A, 1_000_000), awarded, withdrawn,
        reviewProgram, underReview(reviewProgram, ORG_A, 1_000_000));
  }

  static Map<String, Object> challengeBody() {
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("postingOrganisationCode", ORGS.get(18));
    b.put("postingOrganisationName", "天津某企业");
    b.put("title", "高效催化剂");
    b.put("problem", "降低能耗");
    b.put("targetIndicators", List.of("能耗降低30%"));
    b.put("maxFundingFen", 20_000_000);
    b.put("deadlineDate", "2027-12-31");
    return b;
  }

  static Map<String, Object> validProgram() {
    return programBody("GENERAL", 100_000_000, 10_000_000, Instant.now(), Instant.now().plus(9, ChronoUnit.DAYS));
  }

  static Map<String, Object> validProposal(String program) {
    return proposalBody(program, ORG_A, 1_000_000, PEOPLE.get(0));
  }

  // ================================================================== (1) bad input

  /** One malformed request: who sends what where, and the status it must get (0 = any 4xx). */
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

    /** The same request with this If-Match. */
    Bad ifMatch(String value) {
      Map<String, String> with = new LinkedHashMap<>(headers);
      with.put("If-Match", value);
      return new Bad(name, method, path, token, body, contentType, Map.copyOf(with), expected);
    }
  }

  static Bad bad(String name, HttpMethod m, Function<Fixture, String> path, String token, Function<Fixture, Object> body,
      int expected) {
    return new Bad(name, m, path, token, body, MediaType.APPLICATION_JSON, Map.of(), expected);
  }

  static final String HUGE = "x".repeat(600 * 1024);

  /** The same malformations for any JSON-body endpoint. */
  static List<Bad> generic(String endpoint, HttpMethod m, Function<Fixture, String> path, String token,
      Function<Fixture, Map<String, Object>> valid) {
    return List.of(
        bad(endpoint + " malformed JSON", m, path, token, f -> "{\"title\": \"unterminated", 400),
        bad(endpoint + " JSON array instead of object", m, path, token, f -> "[1,2,3]", 400),
        bad(endpoint + " empty body", m, path, token, f -> "", 400),
        bad(endpoint + " body larger than 512 KB", m, path, token, f -> with(valid.apply(f), "title", HUGE), 413),
        new Bad(endpoint + " text/plain body", m, path, token, f -> "hello", MediaType.TEXT_PLAIN, Map.of(), 415));
  }

  static Stream<Bad> badRequests() {
    String pm = manager();
    String app = applicant(ORG_A);
    List<Bad> all = new ArrayList<>();

    // ---------------------------------------------------------------- POST /programs, PUT /programs/{id}
    for (var ep : List.of(
        Map.entry("POST /programs", (Function<Fixture, String>) f -> "/programs"),
        Map.entry("PUT /programs/{draft}", (Function<Fixture, String>) f -> "/programs/" + f.draftProgram()))) {
      String n = ep.getKey();
      HttpMethod m = n.startsWith("PUT") ? HttpMethod.PUT : HttpMethod.POST;
      Function<Fixture, String> p = ep.getValue();
      all.addAll(generic(n, m, p, pm, f -> validProgram()));
      all.add(bad(n + " budgetFen is a string", m, p, pm, f -> with(validProgram(), "budgetFen", "lots"), 400));
      // never truncated (strict JSON, issue 12 point 6)
      all.add(named(bad(n + " budgetFen is a fraction", m, p, pm, f -> with(validProgram(), "budgetFen", 100.5), 400), "budgetFen"));
      all.add(named(bad(n + " budgetFen is a numeric string \"100000\"", m, p, pm,
          f -> with(validProgram(), "budgetFen", "100000"), 400), "budgetFen"));
      all.add(named(bad(n + " name is a number", m, p, pm, f -> with(validProgram(), "name", 12345), 400), "name"));
      all.add(named(bad(n + " callWindow.opensAt is a number", m, p, pm, f -> with(validProgram(), "callWindow",
          Map.of("opensAt", 20270101, "closesAt", "2027-01-01T09:00")), 400), "callWindow.opensAt"));
      all.add(named(bad(n + " fundingSplit.advancePercent is a string", m, p, pm, f -> with(validProgram(), "fundingSplit",
          Map.of("advancePercent", "60", "balancePercent", 40)), 400), "fundingSplit.advancePercent"));
      all.add(bad(n + " budgetFen beyond long", m, p, pm,
          f -> validProgramJson().replace("\"budgetFen\":100000000", "\"budgetFen\":92233720368547758070"), 400));
      all.add(bad(n + " budgetFen -1", m, p, pm, f -> with(validProgram(), "budgetFen", -1), 400));
      all.add(bad(n + " budgetFen 0", m, p, pm, f -> with(validProgram(), "budgetFen", 0), 400));
      all.add(bad(n + " cap Long.MAX_VALUE over budget", m, p, pm,
          f -> with(validProgram(), "perProjectCapFen", Long.MAX_VALUE), 422));
      all.add(bad(n + " cap -1", m, p, pm, f -> with(validProgram(), "perProjectCapFen", -1), 400));
      all.add(bad(n + " missing name", m, p, pm, f -> without(validProgram(), "name"), 400));
      all.add(bad(n + " missing kind", m, p, pm, f -> without(validProgram(), "kind"), 400));
      all.add(bad(n + " missing callWindow", m, p, pm, f -> without(validProgram(), "callWindow"), 400));
      all.add(bad(n + " name 301 chars", m, p, pm, f -> with(validProgram(), "name", "n".repeat(301)), 400));
      all.add(named(bad(n + " unknown kind", m, p, pm, f -> with(validProgram(), "kind", "LOTTERY"), 400), "kind"));
      all.add(named(bad(n + " kind is a number", m, p, pm, f -> with(validProgram(), "kind", 7), 400), "kind"));
      all.add(named(bad(n + " kind is the index 0", m, p, pm, f -> with(validProgram(), "kind", 0), 400), "kind"));
      // not a date: a malformed request naming the field (was 422, issue 12 point 5)
      all.add(named(bad(n + " callWindow bad date", m, p, pm,
          f -> with(validProgram(), "callWindow", Map.of("opensAt", "2026-13-45T09:00", "closesAt", "2027-01-01T09:00")), 400),
          "callWindow.opensAt"));
      all.add(bad(n + " callWindow closes before opens", m, p, pm,
          f -> with(validProgram(), "callWindow", Map.of("opensAt", "2027-02-01T09:00", "closesAt", "2027-01-01T09:00")), 0));
      all.add(bad(n + " callWindow is a string", m, p, pm, f -> with(validProgram(), "callWindow", "always"), 400));
      all.add(bad(n + " GENERAL without fundingSplit", m, p, pm, f -> without(validProgram(), "fundingSplit"), 0));
      all.add(bad(n + " fundingSplit 50/40", m, p, pm,
          f -> with(validProgram(), "fundingSplit", Map.of("advancePercent", 50, "balancePercent", 40)), 0));
      all.add(bad(n + " fundingSplit -20/120", m, p, pm,
          f -> with(validProgram(), "fundingSplit", Map.of("advancePercent", -20, "balancePercent", 120)), 0));
      all.add(bad(n + " GENERAL with postSubsidyRule", m, p, pm, f -> with(validProgram(), "postSubsidyRule",
          Map.of("base", "INCREASE", "tiers", List.of(Map.of("fromFen", 0, "rateBasisPoints", 3000)),
              "capPerOrganisationPerYearFen", 1, "minimumIncreaseFen", 1)), 0));
      all.add(bad(n + " POST_SUBSIDY unknown base", m, p, pm,
          f -> with(with(without(validProgram(), "fundingSplit"), "kind", "POST_SUBSIDY"), "postSubsidyRule",
              Map.of("base", "EVERYTHING", "tiers", List.of(Map.of("fromFen", 0, "rateBasisPoints", 3000)),
                  "capPerOrganisationPerYearFen", 1, "minimumIncreaseFen", 1)), 400));
      all.add(bad(n + " POST_SUBSIDY negative rate and cap", m, p, pm,
          f -> with(with(without(validProgram(), "fundingSplit"), "kind", "POST_SUBSIDY"), "postSubsidyRule",
              Map.of("base", "INCREASE", "tiers", List.of(Map.of("fromFen", 0, "rateBasisPoints", -3000)),
                  "capPerOrganisationPerYearFen", -1, "minimumIncreaseFen", -1)), 0));
      // issue 12 point 9: no cap is the field left out; 0 is refused, never read as "no cap"
      all.add(bad(n + " POST_SUBSIDY cap 0", m, p, pm,
          f -> with(with(without(validProgram(), "fundingSplit"), "kind", "POST_SUBSIDY"), "postSubsidyRule",
              Map.of("base", "INCREASE", "tiers", List.of(Map.of("fromFen", 0, "rateBasisPoints", 3000)),
                  "capPerOrganisationPerYearFen", 0, "minimumIncreaseFen", 0)), 422));
      all.add(bad(n + " POST_SUBSIDY cap is a word", m, p, pm,
          f -> with(with(without(validProgram(), "fundingSplit"), "kind", "POST_SUBSIDY"), "postSubsidyRule",
              Map.of("base", "INCREASE", "tiers", List.of(Map.of("fromFen", 0, "rateBasisPoints", 3000)),
                  "capPerOrganisationPerYearFen", "none", "minimumIncreaseFen", 0)), 400));
      // 立项评审: the review setting and its rubric (weights adding up to exactly 100)
      all.add(bad(n + " rubric weights adding up to 90", m, p, pm, f -> with(validProgram(), "expertReview",
          Map.of("required", true, "rubric", List.of(Map.of("name", "a", "weight", 60), Map.of("name", "b", "weight", 30)))),
          422));
      all.add(bad(n + " rubric criterion named twice", m, p, pm, f -> with(validProgram(), "expertReview",
          Map.of("rubric", List.of(Map.of("name", "a", "weight", 50), Map.of("name", "a", "weight", 50)))), 422));
      all.add(bad(n + " rubric weight 0", m, p, pm, f -> with(validProgram(), "expertReview",
          Map.of("rubric", List.of(Map.of("name", "a", "weight", 0), Map.of("name", "b", "weight", 100)))), 422));
      all.add(named(bad(n + " rubric weight is a string", m, p, pm, f -> with(validProgram(), "expertReview",
          Map.of("rubric", List.of(Map.of("name", "a", "weight", "100")))), 400), "expertReview.rubric[0].weight"));
      all.add(bad(n + " rubric criterion without a name", m, p, pm, f -> with(validProgram(), "expertReview",
          Map.of("rubric", List.of(Map.of("weight", 100)))), 400));
      all.add(bad(n + " rubric of 11 criteria", m, p, pm, f -> with(validProgram(), "expertReview",
          Map.of("rubric", java.util.stream.IntStream.range(0, 11).mapToObj(i -> Map.of("name", "c" + i, "weight", i == 0 ? 90 : 1))
              .toList())), 400));
      all.add(named(bad(n + " expertReview.required is a string", m, p, pm, f -> with(validProgram(), "expertReview",
          Map.of("required", "yes")), 400), "expertReview.required"));
      all.add(bad(n + " expertReview is a list", m, p, pm, f -> with(validProgram(), "expertReview", List.of(true)), 400));
      all.add(bad(n + " POST_SUBSIDY with expert review", m, p, pm,
          f -> with(with(with(without(validProgram(), "fundingSplit"), "kind", "POST_SUBSIDY"), "postSubsidyRule",
              Map.of("base", "TOTAL", "tiers", List.of(Map.of("fromFen", 0, "rateBasisPoints", 1000)),
                  "minimumIncreaseFen", 0)), "expertReview", Map.of("required", true)), 422));
      all.add(bad(n + " by an applicant", m, p, app, f -> validProgram(), 403));
      // issue 12 point 7: the role is checked before the body is read
      all.add(bad(n + " by an applicant, malformed JSON", m, p, app, f -> "{\"name\": ", 403));
      all.add(bad(n + " by an applicant, invalid fields", m, p, app, f -> with(validProgram(), "budgetFen", "lots"), 403));
      all.add(bad(n + " by an applicant, empty body", m, p, app, f -> "", 403));
      all.add(new Bad(n + " by an applicant, text/plain body", m, p, app, f -> "hello", MediaType.TEXT_PLAIN, Map.of(), 403));
    }
    // an edit of a draft names the version it was made on (If-Match): the rows above send "*" (any version)
    all.replaceAll(b -> b.method() == HttpMethod.PUT && b.name().startsWith("PUT /programs/") ? b.ifMatch("*") : b);
    all.add(bad("PUT /programs/{open} (not DRAFT)", HttpMethod.PUT, f -> "/programs/" + f.openGeneral(), pm,
        f -> validProgram(), 409).ifMatch("*"));
    all.add(bad("PUT /programs/{unknown}", HttpMethod.PUT, f -> "/programs/no-such-program", pm, f -> validProgram(), 404)
        .ifMatch("*"));
    String pp = "PUT /programs/{draft}";
    all.add(bad(pp + " without If-Match", HttpMethod.PUT, f -> "/programs/" + f.draftProgram(), pm, f -> validProgram(), 428));
    all.add(bad(pp + " If-Match stale", HttpMethod.PUT, f -> "/programs/" + f.draftProgram(), pm, f -> validProgram(), 412)
        .ifMatch("\"999\""));
    all.add(named(bad(pp + " If-Match garbage", HttpMethod.PUT, f -> "/programs/" + f.draftProgram(), pm,
        f -> validProgram(), 400).ifMatch("not-a-version"), "If-Match"));
    all.add(bad(pp + " If-Match weak", HttpMethod.PUT, f -> "/programs/" + f.draftProgram(), pm, f -> validProgram(), 412)
        .ifMatch("W/\"1\""));

    // ---------------------------------------------------------------- open / close
    all.add(bad("POST /programs/{open}/open again", HttpMethod.POST, f -> "/programs/" + f.openGeneral() + "/open", pm,
        f -> null, 409));
    all.add(bad("POST /programs/{closed}/open", HttpMethod.POST, f -> "/programs/" + f.closedProgram() + "/open", pm,
        f -> null, 409));
    all.add(bad("POST /programs/{draft}/close", HttpMethod.POST, f -> "/programs/" + f.draftProgram() + "/close", pm,
        f -> null, 409));
    all.add(bad("POST /programs/{closed}/close again", HttpMethod.POST, f -> "/programs/" + f.closedProgram() + "/close",
        pm, f -> null, 409));
    all.add(bad("POST /programs/{unknown}/open", HttpMethod.POST, f -> "/programs/nope/open", pm, f -> null, 404));

    // ---------------------------------------------------------------- challenges
    Function<Fixture, String> ch = f -> "/programs/" + f.challengeProgram() + "/challenges";
    String cn = "POST /programs/{id}/challenges";
    all.addAll(generic(cn, HttpMethod.POST, ch, pm, f -> challengeBody()));
    // an invalid organisation code is 400 in every service (was 422 here, issue 12 point 5)
    all.add(named(bad(cn + " invalid posting organisation code", HttpMethod.POST, ch, pm,
        f -> with(challengeBody(), "postingOrganisationCode", BAD_ORG), 400), "postingOrganisationCode"));
    all.add(named(bad(cn + " organisation code lower case / short", HttpMethod.POST, ch, pm,
        f -> with(challengeBody(), "postingOrganisationCode", "91120112mnh9"), 400), "postingOrganisationCode"));
    all.add(named(bad(cn + " organisation code one character changed (test vector)", HttpMethod.POST, ch, pm,
        f -> with(challengeBody(), "postingOrganisationCode", "12310P15H51AG5U99P"), 400), "postingOrganisationCode"));
    all.add(named(bad(cn + " maxFundingFen is a numeric string", HttpMethod.POST, ch, pm,
        f -> with(challengeBody(), "maxFundingFen", "20000000"), 400), "maxFundingFen"));
    all.add(bad(cn + " by an applicant, invalid body", HttpMethod.POST, ch, app,
        f -> with(challengeBody(), "postingOrganisationCode", BAD_ORG), 403));
    all.add(bad(cn + " no target indicators", HttpMethod.POST, ch, pm, f -> with(challengeBody(), "targetIndicators", List.of()), 400));
    all.add(bad(cn + " blank target indicator", HttpMethod.POST, ch, pm, f -> with(challengeBody(), "targetIndicators", List.of(" ")), 400));
    all.add(bad(cn + " targetIndicators is a string", HttpMethod.POST, ch, pm, f -> with(challengeBody(), "targetIndicators", "all"), 400));
    all.add(bad(cn + " maxFunding -1", HttpMethod.POST, ch, pm, f -> with(challengeBody(), "maxFundingFen", -1), 400));
    all.add(bad(cn + " maxFunding Long.MAX_VALUE (over cap)", HttpMethod.POST, ch, pm,
        f -> with(challengeBody(), "maxFundingFen", Long.MAX_VALUE), 422));
    all.add(bad(cn + " deadline not a date", HttpMethod.POST, ch, pm, f -> with(challengeBody(), "deadlineDate", "2027-02-30"), 400));
    all.add(bad(cn + " deadline in the past", HttpMethod.POST, ch, pm, f -> with(challengeBody(), "deadlineDate", "2020-01-01"), 422));
    all.add(bad(cn + " missing title", HttpMethod.POST, ch, pm, f -> without(challengeBody(), "title"), 400));
    all.add(bad(cn + " in a GENERAL program", HttpMethod.POST, f -> "/programs/" + f.openGeneral() + "/challenges", pm,
        f -> challengeBody(), 0));
    all.add(bad(cn + " in a CLOSED program", HttpMethod.POST, f -> "/programs/" + f.closedProgram() + "/challenges", pm,
        f -> challengeBody(), 0));
    all.add(bad(cn + " unknown program", HttpMethod.POST, f -> "/programs/nope/challenges", pm, f -> challengeBody(), 404));

    // ---------------------------------------------------------------- POST /proposals, PUT /proposals/{draft}
    for (var ep : List.of(
        Map.entry("POST /proposals", (Function<Fixture, String>) f -> "/proposals"),
        Map.entry("PUT /proposals/{draft}", (Function<Fixture, String>) f -> "/proposals/" + f.draftA()))) {
      String n = ep.getKey();
      HttpMethod m = n.startsWith("PUT") ? HttpMethod.PUT : HttpMethod.POST;
      Function<Fixture, String> p = ep.getValue();
      all.addAll(generic(n, m, p, app, f -> validProposal(f.openGeneral())));
      all.add(bad(n + " requestedAmount is a string", m, p, app, f -> with(validProposal(f.openGeneral()), "requestedAmountFen", "1e6"), 400));
      all.add(bad(n + " requestedAmount -1", m, p, app, f -> with(validProposal(f.openGeneral()), "requestedAmountFen", -1), 400));
      all.add(bad(n + " requestedAmount Long.MAX_VALUE (budget lines do not add up)", m, p, app,
          f -> with(validProposal(f.openGeneral()), "requestedAmountFen", Long.MAX_VALUE), 422));
      all.add(bad(n + " budget lines that overflow a long (MAX + MAX + 3 would wrap to 1)", m, p, app,
          f -> with(with(validProposal(f.openGeneral()), "requestedAmountFen", 1), "budgetLines",
              List.of(Map.of("category", "a", "amountFen", Long.MAX_VALUE), Map.of("category", "b", "amountFen", Long.MAX_VALUE),
                  Map.of("category", "c", "amountFen", 3))), 422));
      all.add(bad(n + " budget line negative", m, p, app, f -> with(validProposal(f.openGeneral()), "budgetLines",
          List.of(Map.of("category", "a", "amountFen", 1_000_001), Map.of("category", "b", "amountFen", -1))), 400));
      all.add(bad(n + " missing title", m, p, app, f -> without(validProposal(f.openGeneral()), "title"), 400));
      all.add(bad(n + " title 501 chars", m, p, app, f -> with(validProposal(f.openGeneral()), "title", "t".repeat(501)), 400));
      all.add(bad(n + " abstract 20001 chars", m, p, app, f -> with(validProposal(f.openGeneral()), "abstract", "a".repeat(20_001)), 400));
      // invalid national IDs and organisation codes are 400 naming the field (were 422, issue 12 points 4 and 5)
      all.add(named(bad(n + " invalid PI national ID", m, p, app, f -> proposalBody(f.openGeneral(), ORG_A, 1_000_000, BAD_ID), 400),
          "principalInvestigator.nationalId"));
      all.add(named(bad(n + " PI national ID with letters", m, p, app, f -> proposalBody(f.openGeneral(), ORG_A, 1_000_000, "ABCDEFGHIJKLMNOPQR"), 400),
          "principalInvestigator.nationalId"));
      all.add(named(bad(n + " PI national ID birth date in the future", m, p, app,
          f -> proposalBody(f.openGeneral(), ORG_A, 1_000_000, "110108209901011234"), 400), "principalInvestigator.nationalId"));
      all.add(named(bad(n + " PI national ID 30 February (test vector)", m, p, app,
          f -> proposalBody(f.openGeneral(), ORG_A, 1_000_000, "370202199902304790"), 400), "principalInvestigator.nationalId"));
      all.add(named(bad(n + " team member invalid organisation code", m, p, app, f -> with(validProposal(f.openGeneral()), "team",
          List.of(Map.of("nationalId", PEOPLE.get(1), "name", "Li Si", "organisationCode", BAD_ORG, "role", "x"))), 400),
          "team[0].organisationCode"));
      // the PI's invalid code is reported as the PI's, not as a team member's (issue 12 point 4)
      all.add(named(bad(n + " PI invalid organisation code", m, p, app, f -> with(validProposal(f.openGeneral()),
          "principalInvestigator", Map.of("nationalId", PEOPLE.get(0), "name", "Zhang San", "organisationCode", BAD_ORG)), 400),
          "principalInvestigator.organisationCode"));
      all.add(named(bad(n + " second team member invalid national ID", m, p, app, f -> with(validProposal(f.openGeneral()), "team",
          List.of(Map.of("nationalId", PEOPLE.get(1), "name", "Li Si", "organisationCode", ORG_A),
              Map.of("nationalId", BAD_ID, "name", "Wang Wu", "organisationCode", ORG_A))), 400), "team[1].nationalId"));
      // strict types (issue 12 point 6): never coerced, the field and the type named, the ID never echoed
      all.add(named(bad(n + " PI national ID as a JSON number", m, p, app, f -> validProposalJson(f.openGeneral())
          .replace("\"" + PEOPLE.get(4) + "\"", PEOPLE.get(4)), 400), "principalInvestigator.nationalId"));
      all.add(named(bad(n + " requestedAmountFen is a numeric string \"100000\"", m, p, app,
          f -> with(validProposal(f.openGeneral()), "requestedAmountFen", "100000"), 400), "requestedAmountFen"));
      all.add(named(bad(n + " budget line amount is a numeric string", m, p, app, f -> with(validProposal(f.openGeneral()),
          "budgetLines", List.of(Map.of("category", "a", "amountFen", 500_000), Map.of("category", "b", "amountFen", "500000"))), 400),
          "budgetLines[1].amountFen"));
      all.add(named(bad(n + " abstract is a number", m, p, app, f -> with(validProposal(f.openGeneral()), "abstract", 7), 400),
          "abstract"));
      all.add(named(bad(n + " abstract 20001 chars (named by its JSON name)", m, p, app,
          f -> with(validProposal(f.openGeneral()), "abstract", "b".repeat(20_001)), 400), "abstract"));
      all.add(bad(n + " PI without nationalId", m, p, app, f -> with(validProposal(f.openGeneral()), "principalInvestigator",
          Map.of("name", "Zhang San", "organisationCode", ORG_A)), 400));
      all.add(bad(n + " team is an object", m, p, app, f -> with(validProposal(f.openGeneral()), "team", Map.of("a", 1)), 400));
      all.add(bad(n + " projectStartDate not a date", m, p, app, f -> with(validProposal(f.openGeneral()), "projectStartDate", "2027-02-30"), 400));
      all.add(bad(n + " projectStartDate wrong format", m, p, app, f -> with(validProposal(f.openGeneral()), "projectStartDate", "01/01/2027"), 400));
      all.add(bad(n + " end before start", m, p, app, f -> with(validProposal(f.openGeneral()), "projectEndDate", "2026-01-01"), 422));
      all.add(bad(n + " attachment size -1", m, p, app, f -> with(validProposal(f.openGeneral()), "attachments",
          List.of(Map.of("name", "a.pdf", "mediaType", "application/pdf", "sizeBytes", -1, "sha256", "ab".repeat(32)))), 400));
      all.add(bad(n + " attachment over 20 MiB", m, p, app, f -> with(validProposal(f.openGeneral()), "attachments",
          List.of(Map.of("name", "a.pdf", "mediaType", "application/pdf", "sizeBytes", Long.MAX_VALUE, "sha256", "ab".repeat(32)))), 422));
      all.add(bad(n + " attachment sha256 not hex", m, p, app, f -> with(validProposal(f.openGeneral()), "attachments",
          List.of(Map.of("name", "a.pdf", "mediaType", "application/pdf", "sizeBytes", 1, "sha256", "zz"))), 422));
      all.add(bad(n + " 20000 keywords (oversize list)", m, p, app, f -> with(validProposal(f.openGeneral()), "keywords",
          java.util.Collections.nCopies(20_000, "k")), 400));
      all.add(bad(n + " 5000 team members (oversize list)", m, p, app, f -> with(validProposal(f.openGeneral()), "team",
          java.util.Collections.nCopies(5_000, Map.of("nationalId", PEOPLE.get(1), "name", "L", "organisationCode", ORG_A))), 0));
      all.add(bad(n + " milestones in a GENERAL program, percent 150", m, p, app, f -> with(validProposal(f.openGeneral()),
          "milestones", List.of(Map.of("sequence", 1, "title", "m", "deliverables", List.of("d"), "dueDate", "2027-06-30",
              "tranchePercent", 150))), 422));
      if (m == HttpMethod.POST) { // an edit keeps the draft's program (programId of a PUT is ignored)
        all.add(bad(n + " unknown program", m, p, app, f -> with(validProposal(f.openGeneral()), "programId", "nope"), 0));
        all.add(bad(n + " CHALLENGE program without challenge", m, p, app, f -> validProposal(f.challengeProgram()), 0));
      }
      all.add(bad(n + " by a program manager", m, p, pm, f -> validProposal(f.openGeneral()), 403));
      all.add(bad(n + " by a program manager, malformed JSON", m, p, pm, f -> "{\"title\": [", 403));
      all.add(bad(n + " by a program manager, invalid national ID", m, p, pm,
          f -> proposalBody(f.openGeneral(), ORG_A, 1_000_000, BAD_ID), 403));
      all.add(bad(n + " by an auditor, invalid types", m, p, auditor(),
          f -> with(validProposal(f.openGeneral()), "requestedAmountFen", "1e6"), 403));
    }
    all.add(bad("POST /proposals applicant token without org_code", HttpMethod.POST, f -> "/proposals",
        TestJwts.token("applicant-no-org", List.of("APPLICANT"), null), f -> validProposal(f.openGeneral()), 0));
    // the body's invalid codes are 400 naming the PI's field first (was 422, issue 12 point 5)
    all.add(named(bad("POST /proposals applicant with invalid org_code", HttpMethod.POST, f -> "/proposals",
        applicant(BAD_ORG), f -> proposalBody(f.openGeneral(), BAD_ORG, 1_000_000, PEOPLE.get(0)), 400),
        "principalInvestigator.organisationCode"));
    all.add(bad("PUT /proposals/{submitted} (not DRAFT)", HttpMethod.PUT, f -> "/proposals/" + f.submittedA(), app,
        f -> validProposal(f.openGeneral()), 409));
    all.add(bad("PUT /proposals/{awarded} (not DRAFT)", HttpMethod.PUT, f -> "/proposals/" + f.awardedA(), app,
        f -> validProposal(f.openGeneral()), 409));
    all.add(bad("PUT /proposals/{unknown}", HttpMethod.PUT, f -> "/proposals/nope", app, f -> validProposal(f.openGeneral()), 404));

    // ---------------------------------------------------------------- DELETE /proposals/{id}
    all.add(bad("DELETE /proposals/{submitted}", HttpMethod.DELETE, f -> "/proposals/" + f.submittedA(), app, f -> null, 409));
    all.add(bad("DELETE /proposals/{awarded}", HttpMethod.DELETE, f -> "/proposals/" + f.awardedA(), app, f -> null, 409));
    all.add(bad("DELETE /proposals/{withdrawn}", HttpMethod.DELETE, f -> "/proposals/" + f.withdrawnA(), app, f -> null, 409));
    all.add(bad("DELETE /proposals/{unknown}", HttpMethod.DELETE, f -> "/proposals/nope", app, f -> null, 404));
    all.add(bad("DELETE /proposals/{draft} by auditor", HttpMethod.DELETE, f -> "/proposals/" + f.draftA(), auditor(), f -> null, 403));

    // ---------------------------------------------------------------- submit
    Function<Fixture, String> submitDraft = f -> "/proposals/" + f.draftA() + "/submit";
    String sn = "POST /proposals/{draft}/submit";
    Map<String, String> key = Map.of("Idempotency-Key", "matrix-key-1");
    for (Bad g : generic(sn, HttpMethod.POST, submitDraft, app, f -> pledge())) {
      all.add(new Bad(g.name(), g.method(), g.path(), g.token(), g.body(), g.contentType(), key, g.expected()));
    }
    all.add(bad(sn + " without Idempotency-Key", HttpMethod.POST, submitDraft, app, f -> pledge(), 400));
    all.add(new Bad(sn + " missing pledge", HttpMethod.POST, submitDraft, app, f -> Map.of(), MediaType.APPLICATION_JSON, key, 400));
    all.add(new Bad(sn + " pledge not accepted", HttpMethod.POST, submitDraft, app,
        f -> Map.of("pledge", Map.of("accepted", false, "textVersion", "JN")), MediaType.APPLICATION_JSON, key, 422));
    all.add(new Bad(sn + " pledge without text version", HttpMethod.POST, submitDraft, app,
        f -> Map.of("pledge", Map.of("accepted", true)), MediaType.APPLICATION_JSON, key, 422));
    all.add(named(new Bad(sn + " pledge accepted is a string", HttpMethod.POST, submitDraft, app,
        f -> Map.of("pledge", Map.of("accepted", "maybe", "textVersion", "JN")), MediaType.APPLICATION_JSON, key, 400),
        "pledge.accepted"));
    all.add(named(new Bad(sn + " pledge accepted is the string \"true\"", HttpMethod.POST, submitDraft, app,
        f -> Map.of("pledge", Map.of("accepted", "true", "textVersion", "JN")), MediaType.APPLICATION_JSON, key, 400),
        "pledge.accepted"));
    all.add(named(new Bad(sn + " pledge textVersion is a number", HttpMethod.POST, submitDraft, app,
        f -> Map.of("pledge", Map.of("accepted", true, "textVersion", 2024)), MediaType.APPLICATION_JSON, key, 400),
        "pledge.textVersion"));
    all.add(new Bad(sn + " by a program manager, garbage body", HttpMethod.POST, submitDraft, pm,
        f -> "[1,2,3]", MediaType.APPLICATION_JSON, key, 403));
    // not asserted: a 10000-char Idempotency-Key is refused by Netty with 431 and no problem body (header limit).
    all.add(new Bad("POST /proposals/{submitted}/submit with another key", HttpMethod.POST,
        f -> "/proposals/" + f.submittedA() + "/submit", app, f -> pledge(), MediaType.APPLICATION_JSON,
        Map.of("Idempotency-Key", "another-key"), 409));
    all.add(new Bad("POST /proposals/{withdrawn}/submit", HttpMethod.POST, f -> "/proposals/" + f.withdrawnA() + "/submit",
        app, f -> pledge(), MediaType.APPLICATION_JSON, Map.of("Idempotency-Key", "another-key"), 409));

    // ---------------------------------------------------------------- withdraw
    all.add(bad("POST /proposals/{draft}/withdraw", HttpMethod.POST, f -> "/proposals/" + f.draftA() + "/withdraw", app, f -> null, 409));
    all.add(bad("POST /proposals/{awarded}/withdraw", HttpMethod.POST, f -> "/proposals/" + f.awardedA() + "/withdraw", app, f -> null, 409));
    all.add(bad("POST /proposals/{withdrawn}/withdraw", HttpMethod.POST, f -> "/proposals/" + f.withdrawnA() + "/withdraw", app, f -> null, 409));
    all.add(bad("POST /proposals/{unknown}/withdraw", HttpMethod.POST, f -> "/proposals/nope/withdraw", app, f -> null, 404));

    // ---------------------------------------------------------------- decisions
    all.add(bad("POST /proposals/{draft}/screen", HttpMethod.POST, f -> "/proposals/" + f.draftA() + "/screen", pm, f -> null, 409));
    all.add(bad("POST /proposals/{submitted}/review", HttpMethod.POST, f -> "/proposals/" + f.submittedA() + "/review", pm, f -> null, 409));
    all.add(bad("POST /proposals/{awarded}/screen", HttpMethod.POST, f -> "/proposals/" + f.awardedA() + "/screen", pm, f -> null, 409));
    all.add(new Bad("POST /proposals/{submitted}/screen If-Match stale", HttpMethod.POST,
        f -> "/proposals/" + f.submittedA() + "/screen", pm, f -> null, MediaType.APPLICATION_JSON, Map.of("If-Match", "\"999\""), 412));
    all.add(new Bad("POST /proposals/{submitted}/screen If-Match garbage", HttpMethod.POST,
        f -> "/proposals/" + f.submittedA() + "/screen", pm, f -> null, MediaType.APPLICATION_JSON, Map.of("If-Match", "not-a-version"), 0));
    Function<Fixture, String> award = f -> "/proposals/" + f.underReviewA() + "/award";
    String an = "POST /proposals/{underReview}/award";
    all.addAll(generic(an, HttpMethod.POST, award, pm, f -> Map.of("amountFen", 1)));
    all.add(bad(an + " amount -1", HttpMethod.POST, award, pm, f -> Map.of("amountFen", -1), 400));
    all.add(bad(an + " amount 0", HttpMethod.POST, award, pm, f -> Map.of("amountFen", 0), 400));
    all.add(bad(an + " amount Long.MAX_VALUE", HttpMethod.POST, award, pm, f -> Map.of("amountFen", Long.MAX_VALUE), 422));
    all.add(bad(an + " amount over requested", HttpMethod.POST, award, pm, f -> Map.of("amountFen", 1_000_001), 422));
    all.add(named(bad(an + " amount is a string", HttpMethod.POST, award, pm, f -> Map.of("amountFen", "much"), 400), "amountFen"));
    all.add(named(bad(an + " amount is a numeric string \"100000\"", HttpMethod.POST, award, pm,
        f -> Map.of("amountFen", "100000"), 400), "amountFen"));
    all.add(named(bad(an + " amount 1.5 fen (never truncated)", HttpMethod.POST, award, pm, f -> Map.of("amountFen", 1.5), 400),
        "amountFen"));
    all.add(named(bad(an + " amount beyond long", HttpMethod.POST, award, pm, f -> "{\"amountFen\":92233720368547758070}", 400),
        "amountFen"));
    all.add(bad(an + " by the applicant, invalid body", HttpMethod.POST, award, app, f -> Map.of("amountFen", "much"), 403));
    all.add(bad(an + " by an auditor, malformed JSON", HttpMethod.POST, award, auditor(), f -> "{\"amountFen\": ", 403));
    all.add(bad(an + " missing amount", HttpMethod.POST, award, pm, f -> Map.of(), 400));
    all.add(new Bad(an + " If-Match stale", HttpMethod.POST, award, pm, f -> Map.of("amountFen", 1), MediaType.APPLICATION_JSON,
        Map.of("If-Match", "\"0\""), 412));
    all.add(bad("POST /proposals/{submitted}/award", HttpMethod.POST, f -> "/proposals/" + f.submittedA() + "/award", pm,
        f -> Map.of("amountFen", 1), 409));
    all.add(bad("POST /proposals/{awarded}/award again", HttpMethod.POST, f -> "/proposals/" + f.awardedA() + "/award", pm,
        f -> Map.of("amountFen", 1), 409));
    all.add(bad(an + " by the applicant", HttpMethod.POST, award, app, f -> Map.of("amountFen", 1), 403));
    // 立项评审: no award before the review score; the out-of-rank-order reason is text of at most 4000 characters
    all.add(bad("POST /proposals/{awaiting review}/award", HttpMethod.POST,
        f -> "/proposals/" + f.awaitingReviewA() + "/award", pm, f -> Map.of("amountFen", 1), 409));
    all.add(bad("POST /proposals/{awaiting review}/award with a reason", HttpMethod.POST,
        f -> "/proposals/" + f.awaitingReviewA() + "/award", pm,
        f -> Map.of("amountFen", 1, "outOfRankOrderReason", "urgent"), 409));
    all.add(bad(an + " outOfRankOrderReason 4001 chars", HttpMethod.POST, award, pm,
        f -> Map.of("amountFen", 1, "outOfRankOrderReason", "r".repeat(4001)), 400));
    all.add(named(bad(an + " outOfRankOrderReason is a number", HttpMethod.POST, award, pm,
        f -> Map.of("amountFen", 1, "outOfRankOrderReason", 7), 400), "outOfRankOrderReason"));
    all.add(bad("GET /programs/{unknown}/ranking", HttpMethod.GET, f -> "/programs/no-such-program/ranking", pm,
        f -> null, 404));
    Function<Fixture, String> reject = f -> "/proposals/" + f.underReviewA() + "/reject";
    String rn = "POST /proposals/{underReview}/reject";
    all.addAll(generic(rn, HttpMethod.POST, reject, pm, f -> Map.of("reason", "x")));
    all.add(bad(rn + " missing reason", HttpMethod.POST, reject, pm, f -> Map.of(), 400));
    all.add(bad(rn + " blank reason", HttpMethod.POST, reject, pm, f -> Map.of("reason", "  "), 400));
    all.add(bad(rn + " reason 2001 chars", HttpMethod.POST, reject, pm, f -> Map.of("reason", "r".repeat(2001)), 400));
    all.add(named(bad(rn + " reason is a list", HttpMethod.POST, reject, pm, f -> Map.of("reason", List.of("a")), 400), "reason"));
    all.add(named(bad(rn + " reason is a number", HttpMethod.POST, reject, pm, f -> Map.of("reason", 42), 400), "reason"));
    all.add(bad(rn + " by the applicant, invalid body", HttpMethod.POST, reject, app, f -> Map.of("reason", List.of("a")), 403));

    // ---------------------------------------------------------------- query parameters (issue 12 point 8)
    all.add(named(bad("GET /proposals?status=LOTTERY (unknown enum value)", HttpMethod.GET, f -> "/proposals?status=LOTTERY",
        pm, f -> null, 400), "status"));
    all.add(named(bad("GET /proposals?status=submitted (enum values are upper case)", HttpMethod.GET,
        f -> "/proposals?status=submitted", app, f -> null, 400), "status"));
    all.add(named(bad("GET /proposals?limit=ten", HttpMethod.GET, f -> "/proposals?limit=ten", pm, f -> null, 400), "limit"));
    all.add(bad("GET /proposals?status=LOTTERY by an expert", HttpMethod.GET, f -> "/proposals?status=LOTTERY",
        TestJwts.token("expert-x", List.of("EXPERT"), ORG_B), f -> null, 403));
    all.add(bad("POST /proposals/{awarded}/reject", HttpMethod.POST, f -> "/proposals/" + f.awardedA() + "/reject", pm,
        f -> Map.of("reason", "late"), 409));
    all.add(bad("POST /proposals/{draft}/reject", HttpMethod.POST, f -> "/proposals/" + f.draftA() + "/reject", pm,
        f -> Map.of("reason", "early"), 409));
    all.add(bad("POST /proposals/{unknown}/reject", HttpMethod.POST, f -> "/proposals/nope/reject", pm,
        f -> Map.of("reason", "x"), 404));
    return all.stream();
  }

  /** A case whose problem must name exactly this field in {@code errors[]}. */
  static Bad named(Bad c, String field) {
    MATRIX.expectField(c.name(), field);
    return c;
  }

  static String validProposalJson(String program) {
    return new tools.jackson.databind.json.JsonMapper().writeValueAsString(proposalBody(program, ORG_A, 1_000_000, PEOPLE.get(4)));
  }

  static String validProgramJson() {
    Instant now = Instant.now();
    return "{\"name\":\"p\",\"kind\":\"GENERAL\",\"budgetFen\":100000000,\"perProjectCapFen\":10000000,"
        + "\"callWindow\":{\"opensAt\":\"" + now + "\",\"closesAt\":\"" + now.plus(9, ChronoUnit.DAYS) + "\"},"
        + "\"fundingSplit\":{\"advancePercent\":60,\"balancePercent\":40}}";
  }

  @Override
  public void alsoAssertBadInput(BadInput<Fixture> c, EntityExchangeResult<String> r) {
    if (MATRIX.expectedField(c.name()) != null && c.name().contains("PI invalid organisation code")) {
      assertThat(r.getResponseBody()).as("the PI's code is not reported as a team member's").doesNotContain("team");
    }
    assertThat(r.getResponseBody()).as("no national ID echoed").doesNotContain(BAD_ID).doesNotContain(PEOPLE.get(4))
        .doesNotContain("370202199902304790");
  }

  /** Unknown fields are ignored: the request succeeds and none of them (nor a status forged in them) is stored. */
  @Test
  @Order(4)
  void unknownFieldsAreIgnoredAndNeverStored() {
    Map<String, Object> body = validProposal(fx.openGeneral());
    body.put("status", "AWARDED");
    body.put("organisationCode", ORG_B);
    body.put("awardedAmountFen", 999);
    body.put("id", "forged-id");
    body.put("surpriseField", "surprise-value");
    Map<String, Object> created = json(post(applicant(ORG_A), "/proposals", body), HttpStatus.CREATED);
    assertThat(created.get("status")).isEqualTo("DRAFT");
    assertThat(created.get("organisationCode")).isEqualTo(ORG_A);
    assertThat(created.get("id")).isNotEqualTo("forged-id");
    assertThat(created.get("awardedAmountFen")).isNull();
    String id = (String) created.get("id");
    Map<String, Object> edited = json(put(applicant(ORG_A), "/proposals/" + id, body), HttpStatus.OK);
    assertThat(edited.get("status")).isEqualTo("DRAFT");
    Document stored = template.findById(id, Document.class, "proposals").block();
    assertThat(stored.toJson()).doesNotContain("surprise-value", "forged-id", ORG_B);

    Map<String, Object> program = with(with(with(validProgram(), "status", "OPEN"), "committedFen", 5), "awardedFen", 5);
    Map<String, Object> p = json(post(manager(), "/programs", program), HttpStatus.CREATED);
    assertThat(p.get("status")).isEqualTo("DRAFT");
    assertThat(p.get("awardedFen")).isEqualTo(0);
    assertThat(p.get("remainingToAwardFen")).isEqualTo(p.get("budgetFen"));
    assertThat(p).doesNotContainKeys("committedFen", "remainingFen");
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

  /** An endpoint of the matrix: how to make a fresh target for it, and who may call it. */
  record Endpoint(String name, HttpMethod method, Function<BadInputAndAccessMatrixIT, String> path,
      Function<Fixture, Object> body, Map<String, String> headers, Map<Who, Integer> expected)
      implements BadInputAndAccessMatrix.Endpoint<BadInputAndAccessMatrixIT, String, Who> {
    @Override
    public String target(BadInputAndAccessMatrixIT test) {
      return path.apply(test);
    }

    @Override
    public Request request(BadInputAndAccessMatrixIT test, String target, Who who) {
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

  static final Map<String, String> NO_HEADERS = Map.of();

  static List<BadInputAndAccessMatrix.Endpoint<BadInputAndAccessMatrixIT, ?, Who>> endpoints() {
    Who[] readers = {Who.APPLICANT, Who.APPLICANT_OTHER_ORG, Who.PROGRAM_MANAGER, Who.AUDITOR};
    // finance staff read programs for their budget page (issue 16): as staff, drafts included
    Who[] programReaders = {Who.APPLICANT, Who.APPLICANT_OTHER_ORG, Who.PROGRAM_MANAGER, Who.AUDITOR, Who.FINANCE_OFFICER,
        Who.FINANCE_APPROVER};
    Map<Who, Integer> draftProgramRead = only(200, Who.PROGRAM_MANAGER, Who.AUDITOR, Who.FINANCE_OFFICER,
        Who.FINANCE_APPROVER);
    draftProgramRead.put(Who.APPLICANT, 404);
    draftProgramRead.put(Who.APPLICANT_OTHER_ORG, 404);
    Map<Who, Integer> ownProposalRead = only(200, Who.APPLICANT, Who.PROGRAM_MANAGER, Who.AUDITOR);
    ownProposalRead.put(Who.APPLICANT_OTHER_ORG, 404);
    Map<Who, Integer> createProposal = only(201, Who.APPLICANT, Who.APPLICANT_OTHER_ORG);
    return List.of(
        new Endpoint("GET /programs", HttpMethod.GET, t -> "/programs", f -> null, NO_HEADERS, only(200, programReaders)),
        new Endpoint("GET /programs/{open}", HttpMethod.GET, t -> "/programs/" + fx.openGeneral(), f -> null, NO_HEADERS,
            only(200, programReaders)),
        new Endpoint("GET /programs/{draft}", HttpMethod.GET, t -> "/programs/" + fx.draftProgram(), f -> null, NO_HEADERS,
            draftProgramRead),
        new Endpoint("GET /programs/{id}/challenges", HttpMethod.GET, t -> "/programs/" + fx.challengeProgram() + "/challenges",
            f -> null, NO_HEADERS, only(200, readers)),
        new Endpoint("GET /challenges/{id}", HttpMethod.GET, t -> "/challenges/" + fx.challenge(), f -> null, NO_HEADERS,
            only(200, readers)),
        new Endpoint("GET /proposals/{A's}", HttpMethod.GET, t -> "/proposals/" + fx.submittedA(), f -> null, NO_HEADERS,
            ownProposalRead),
        new Endpoint("GET /proposals", HttpMethod.GET, t -> "/proposals?limit=5", f -> null, NO_HEADERS, only(200, readers)),
        // issue 16 point 4: the dashboard figures, for staff
        BadInputAndAccessMatrix.read("/statistics/programs", only(200, Who.PROGRAM_MANAGER, Who.AUDITOR)),
        // 立项评审: the ranking of a program's reviewed proposals, for staff
        new Endpoint("GET /programs/{review}/ranking", HttpMethod.GET, t -> "/programs/" + fx.reviewProgram() + "/ranking",
            f -> null, NO_HEADERS, only(200, Who.PROGRAM_MANAGER, Who.AUDITOR)),
        BadInputAndAccessMatrix.read("/statistics/proposal-funnel", only(200, Who.PROGRAM_MANAGER, Who.AUDITOR)),
        new Endpoint("POST /programs", HttpMethod.POST, t -> "/programs", f -> validProgram(), NO_HEADERS,
            only(201, Who.PROGRAM_MANAGER)),
        new Endpoint("PUT /programs/{draft}", HttpMethod.PUT, t -> "/programs/" + t.freshDraftProgram(), f -> validProgram(),
            Map.of("If-Match", "\"1\""), only(200, Who.PROGRAM_MANAGER)),
        new Endpoint("POST /programs/{draft}/open", HttpMethod.POST, t -> "/programs/" + t.freshDraftProgram() + "/open",
            f -> null, NO_HEADERS, only(200, Who.PROGRAM_MANAGER)),
        new Endpoint("POST /programs/{open}/close", HttpMethod.POST, t -> "/programs/" + t.openProgram("GENERAL", 1000, 100)
            + "/close", f -> null, NO_HEADERS, only(200, Who.PROGRAM_MANAGER)),
        new Endpoint("POST /programs/{id}/challenges", HttpMethod.POST, t -> "/programs/" + fx.challengeProgram() + "/challenges",
            f -> challengeBody(), NO_HEADERS, only(201, Who.PROGRAM_MANAGER)),
        new Endpoint("POST /proposals", HttpMethod.POST, t -> "/proposals", f -> validProposal(f.openGeneral()), NO_HEADERS,
            createProposal),
        new Endpoint("PUT /proposals/{A's draft}", HttpMethod.PUT, t -> "/proposals/" + t.draft(fx.openGeneral(), ORG_A, 1_000_000),
            f -> validProposal(f.openGeneral()), NO_HEADERS, ownOrg(200)),
        new Endpoint("DELETE /proposals/{A's draft}", HttpMethod.DELETE,
            t -> "/proposals/" + t.draft(fx.openGeneral(), ORG_A, 1_000_000), f -> null, NO_HEADERS, ownOrg(204)),
        new Endpoint("POST /proposals/{A's draft}/submit", HttpMethod.POST,
            t -> "/proposals/" + t.draft(fx.openGeneral(), ORG_A, 1_000_000) + "/submit", f -> pledge(),
            Map.of("Idempotency-Key", "matrix-submit"), ownOrg(200)),
        new Endpoint("POST /proposals/{A's submitted}/withdraw", HttpMethod.POST,
            t -> "/proposals/" + t.submitted(fx.openGeneral(), ORG_A, 1_000_000) + "/withdraw", f -> null, NO_HEADERS,
            ownOrg(200)),
        new Endpoint("POST /proposals/{submitted}/screen", HttpMethod.POST,
            t -> "/proposals/" + t.submitted(fx.openGeneral(), ORG_A, 1_000_000) + "/screen", f -> null, NO_HEADERS,
            only(200, Who.PROGRAM_MANAGER)),
        new Endpoint("POST /proposals/{screening}/review", HttpMethod.POST, t -> "/proposals/" + t.screening() + "/review",
            f -> null, NO_HEADERS, only(200, Who.PROGRAM_MANAGER)),
        new Endpoint("POST /proposals/{underReview}/award", HttpMethod.POST,
            t -> "/proposals/" + t.underReview(fx.openGeneral(), ORG_A, 1_000_000) + "/award", f -> Map.of("amountFen", 1_000),
            NO_HEADERS, only(200, Who.PROGRAM_MANAGER)),
        new Endpoint("POST /proposals/{underReview}/reject", HttpMethod.POST,
            t -> "/proposals/" + t.underReview(fx.openGeneral(), ORG_A, 1_000_000) + "/reject",
            f -> Map.of("reason", "not novel"), NO_HEADERS, only(200, Who.PROGRAM_MANAGER)));
  }

  String freshDraftProgram() {
    return (String) json(post(manager(), "/programs", validProgram()), HttpStatus.CREATED).get("id");
  }

  String screening() {
    String id = submitted(fx.openGeneral(), ORG_A, 1_000_000);
    json(post(manager(), "/proposals/" + id + "/screen", null), HttpStatus.OK);
    return id;
  }

  @Override
  public Setup<Fixture, Who> setup() {
    return new Setup<>(MATRIX, web, template, () -> fx, Who::token);
  }

  @Override
  public FileSetup<Who> fileSetup() {
    return new FileSetup<>(MATRIX, web, template, Who::token, () -> MATRIX.refusedTarget("bad uploads", () -> "/proposals/" + draft(fx.openGeneral(), ORG_A, 1_000_000) + "/files"), applicant(ORG_A), "plan.pdf");
  }

  @AfterAll
  static void printTables() {
    MATRIX.printTables(endpoints().stream().map(e -> e.name()).toList(), Who.values(), 42);
  }

  // ================================================================== (4) proposal files (issue 15), additive

  static final byte[] SMALL_PDF = BadUploads.SMALL_PDF;

  static org.springframework.util.MultiValueMap<String, org.springframework.http.HttpEntity<?>> filePart(String name, byte[] bytes) {
    return BadUploads.filePart(name, bytes);
  }

  EntityExchangeResult<String> fileExchange(HttpMethod method, String path, String token,
      org.springframework.util.MultiValueMap<String, org.springframework.http.HttpEntity<?>> multipart) {
    return BadUploads.exchange(web, method, path, token, multipart);
  }

  /** A fresh draft of A with one file: {proposalId, fileId}. */
  String[] draftWithFile() {
    String proposal = draft(fx.openGeneral(), ORG_A, 1_000_000);
    String fileId = (String) json(web.post().uri("/proposals/" + proposal + "/files").headers(h -> h.setBearerAuth(applicant(ORG_A)))
        .contentType(MediaType.MULTIPART_FORM_DATA)
        .body(org.springframework.web.reactive.function.BodyInserters.fromMultipartData(filePart("plan.pdf", SMALL_PDF)))
        .exchange(), HttpStatus.CREATED).get("fileId");
    return new String[] {proposal, fileId};
  }

  /** A submitted proposal of A with one file, made once: {proposalId, fileId}. */
  static volatile String[] submittedWithFile;

  String[] submittedWithFile() {
    if (submittedWithFile == null) {
      String[] made = draftWithFile();
      json(submit(ORG_A, made[0], "key-" + made[0], pledge()), HttpStatus.OK);
      submittedWithFile = made;
    }
    return submittedWithFile;
  }

  static List<FileEndpoint<BadInputAndAccessMatrixIT, Who>> fileEndpoints() {
    Map<Who, Integer> readAsTheProposal = only(200, Who.APPLICANT, Who.PROGRAM_MANAGER, Who.AUDITOR);
    readAsTheProposal.put(Who.APPLICANT_OTHER_ORG, 404);
    return List.of(
        new FileEndpoint<>("POST /proposals/{A's draft}/files", HttpMethod.POST,
            t -> "/proposals/" + t.draft(fx.openGeneral(), ORG_A, 1_000_000) + "/files", true, ownOrg(201)),
        new FileEndpoint<>("POST /proposals/{A's submitted}/files", HttpMethod.POST,
            t -> "/proposals/" + t.submittedWithFile()[0] + "/files", true, ownOrg(409)),
        new FileEndpoint<>("GET /proposals/{A's submitted}/files", HttpMethod.GET,
            t -> "/proposals/" + t.submittedWithFile()[0] + "/files", false, readAsTheProposal),
        new FileEndpoint<>("GET /proposals/{A's submitted}/files/{id}", HttpMethod.GET,
            t -> "/proposals/" + t.submittedWithFile()[0] + "/files/" + t.submittedWithFile()[1], false, readAsTheProposal),
        new FileEndpoint<>("DELETE /proposals/{A's draft}/files/{id}", HttpMethod.DELETE,
            t -> {
              String[] made = t.draftWithFile();
              return "/proposals/" + made[0] + "/files/" + made[1];
            }, false, ownOrg(204)),
        new FileEndpoint<>("DELETE /proposals/{A's submitted}/files/{id}", HttpMethod.DELETE,
            t -> "/proposals/" + t.submittedWithFile()[0] + "/files/" + t.submittedWithFile()[1], false, ownOrg(409)));
  }

  @AfterAll
  static void printFileTables() {
    MATRIX.printTables(fileEndpoints().stream().map(FileEndpoint::name).toList(), Who.values(), 48);
  }
}
