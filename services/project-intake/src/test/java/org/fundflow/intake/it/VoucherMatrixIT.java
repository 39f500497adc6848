package org.fundflow.intake.it;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.fundflow.platform.test.BadInputAndAccessMatrix;
import org.fundflow.platform.test.BadInputMatrix;
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

/**
 * Issue 18 point 4 for the voucher endpoints of project-intake (point 1): (1) bad input to every voucher and provider
 * endpoint is a 4xx problem that changes nothing; (2) the role x endpoint matrix with two enterprises and two
 * providers: a provider cannot see or claim another provider's contract, an enterprise cannot claim settlement of its
 * own voucher nor use another's, the public provider list needs no login.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VoucherMatrixIT extends IntakeIT
    implements BadInputAndAccessMatrix<VoucherMatrixIT, VoucherMatrixIT.Fixture, VoucherMatrixIT.Who> {

  static final BadInputMatrix MATRIX = new BadInputMatrix("project-intake vouchers");

  static final String ENTERPRISE_A = VoucherIT.freshCode(VoucherIT.JINNAN);
  static final String ENTERPRISE_B = VoucherIT.freshCode(VoucherIT.JINNAN);
  static final String PROVIDER_A = VoucherIT.freshCode("120116");
  static final String PROVIDER_B = VoucherIT.freshCode("310115");
  static final String BAD_ORG = "91120112MNH91HTMX7"; // wrong check character

  @Autowired ReactiveMongoTemplate template;

  static volatile Fixture fx;

  record Fixture(String program, String providerA, String providerB, String pendingProvider, String issued,
      String issuedDocument, String contracted, String redeemed, String general) {}

  @BeforeEach
  void fixture() {
    // mutated, so that it keeps IntakeIT's settings (the 4 MB codec limit for the OpenAPI document)
    web = web.mutate().responseTimeout(java.time.Duration.ofSeconds(120)).build();
    if (fx != null) {
      return;
    }
    String program = program();
    String a = approved(PROVIDER_A);
    String b = approved(PROVIDER_B);
    String pendingOrg = VoucherIT.freshCode("120116");
    String pending = (String) json(post(VoucherIT.provider(pendingOrg), "/service-providers", Map.of(
        "organisationCode", pendingOrg, "name", "待审核机构", "categories", List.of("TESTING"))), HttpStatus.CREATED)
        .get("id");
    String issued = issued(program);
    String doc = document(issued);
    String contracted = contracted(program, a);
    String redeemed = claimed(program, a);
    json(post(applicant(ENTERPRISE_A), "/vouchers/" + redeemed + "/delivery-confirmation", null), HttpStatus.OK);
    fx = new Fixture(program, a, b, pending, issued, doc, contracted, redeemed,
        openProgram("GENERAL", 100_000_000, 10_000_000));
  }

  // ------------------------------------------------------------------ makers

  String program() {
    Instant now = Instant.now();
    Map<String, Object> body = programBody("VOUCHER", 500_000_000, 5_000_000, now.minus(1, ChronoUnit.DAYS),
        now.plus(30, ChronoUnit.DAYS));
    body.put("voucherRule", voucherRule());
    String id = (String) json(post(manager(), "/programs", body), HttpStatus.CREATED).get("id");
    json(post(manager(), "/programs/" + id + "/open", null), HttpStatus.OK);
    return id;
  }

  static Map<String, Object> voucherRule() {
    // a large annual cap: every allowed call gets a fresh voucher
    return VoucherIT.voucherRule(5_000_000, 5_000_000_000L, List.of("TESTING", "IP_SERVICES"), "0.50");
  }

  static Map<String, Object> voucherProgram() {
    Map<String, Object> body = programBody("VOUCHER", 500_000_000, 5_000_000, Instant.now(),
        Instant.now().plus(9, ChronoUnit.DAYS));
    body.put("voucherRule", voucherRule());
    return body;
  }

  String approved(String org) {
    String id = (String) json(post(VoucherIT.provider(org), "/service-providers", Map.of("organisationCode", org,
        "name", "机构 " + org, "categories", List.of("TESTING"))), HttpStatus.CREATED).get("id");
    json(post(manager(), "/service-providers/" + id + "/approve", null), HttpStatus.OK);
    return id;
  }

  String pendingProvider() {
    String org = VoucherIT.freshCode("120116");
    return (String) json(post(VoucherIT.provider(org), "/service-providers", Map.of("organisationCode", org,
        "name", "新机构", "categories", List.of("TESTING"))), HttpStatus.CREATED).get("id");
  }

  String issued(String program) {
    return (String) json(web.post().uri("/vouchers").headers(h -> {
      h.setBearerAuth(applicant(ENTERPRISE_A));
      h.set("Idempotency-Key", "m-" + java.util.UUID.randomUUID());
    }).contentType(MediaType.APPLICATION_JSON).bodyValue(VoucherIT.application(program)).exchange(),
        HttpStatus.CREATED).get("id");
  }

  String document(String voucher) {
    org.springframework.http.client.MultipartBodyBuilder body = new org.springframework.http.client.MultipartBodyBuilder();
    body.part("file", new org.springframework.core.io.ByteArrayResource(VoucherIT.pdf("contract " + voucher)))
        .filename("合同.pdf").contentType(MediaType.APPLICATION_PDF);
    return (String) json(web.post().uri("/vouchers/" + voucher + "/documents")
        .headers(h -> h.setBearerAuth(applicant(ENTERPRISE_A))).contentType(MediaType.MULTIPART_FORM_DATA)
        .body(org.springframework.web.reactive.function.BodyInserters.fromMultipartData(body.build())).exchange(),
        HttpStatus.CREATED).get("documentId");
  }

  String contracted(String program, String provider) {
    String v = issued(program);
    json(post(applicant(ENTERPRISE_A), "/vouchers/" + v + "/contract",
        VoucherIT.contract(provider, "TESTING", 2_000_000, document(v))), HttpStatus.OK);
    return v;
  }

  String claimed(String program, String provider) {
    String v = contracted(program, provider);
    json(post(VoucherIT.provider(PROVIDER_A), "/vouchers/" + v + "/settlement-claim", null), HttpStatus.OK);
    return v;
  }

  // ================================================================== (1) bad input

  record Bad(String name, HttpMethod method, Function<Fixture, String> path, String token,
      Function<Fixture, Object> body, MediaType contentType, Map<String, String> headers, int expected)
      implements BadInput<Fixture> {
    @Override
    public Request request(Fixture f) {
      return new Request(method, path.apply(f), token, body.apply(f), contentType, headers);
    }

    @Override
    public String toString() {
      return name;
    }

    Bad withHeaders(Map<String, String> more) {
      return new Bad(name, method, path, token, body, contentType, more, expected);
    }
  }

  static final Map<String, String> KEY = Map.of("Idempotency-Key", "matrix-bad-apply");

  static Bad bad(String name, HttpMethod m, Function<Fixture, String> path, String token,
      Function<Fixture, Object> body, int expected) {
    return new Bad(name, m, path, token, body, MediaType.APPLICATION_JSON, Map.of(), expected);
  }

  /** A resident ID number whose check character is wrong (120101198004135929 is the valid one). */
  static final String BAD_LEGAL_REP = "120101198004135928";

  /** The case must name this field in the problem's {@code errors[]}. */
  static Bad named(Bad c, String field) {
    MATRIX.expectField(c.name(), field);
    return c;
  }

  static Bad apply(String name, String token, Function<Fixture, Object> body, int expected) {
    return new Bad("POST /vouchers " + name, HttpMethod.POST, f -> "/vouchers", token, body,
        MediaType.APPLICATION_JSON, KEY, expected);
  }

  /** {@link BadInputMatrix#with} (a local name: {@code with} of the role table below shadows the static import). */
  static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
    return BadInputMatrix.with(base, key, value);
  }

  static Map<String, Object> without(Map<String, Object> base, String key) {
    return BadInputMatrix.without(base, key);
  }

  static Map<String, Object> validApply(Fixture f) {
    return new LinkedHashMap<>(VoucherIT.application(f.program()));
  }

  static Map<String, Object> validContract(Fixture f) {
    return VoucherIT.contract(f.providerA(), "TESTING", 1_000_000, f.issuedDocument());
  }

  static Map<String, Object> ruleWith(String key, Object value) {
    return with(voucherProgram(), "voucherRule", with(voucherRule(), key, value));
  }

  static Stream<Bad> badRequests() {
    String a = applicant(ENTERPRISE_A);
    String pm = manager();
    List<Bad> all = new ArrayList<>();

    // ---------------------------------------------------------------- POST /programs (VOUCHER)
    Function<Fixture, String> programs = f -> "/programs";
    all.add(bad("POST /programs VOUCHER without voucherRule", HttpMethod.POST, programs, pm,
        f -> without(voucherProgram(), "voucherRule"), 422));
    all.add(bad("POST /programs GENERAL with a voucherRule", HttpMethod.POST, programs, pm,
        f -> with(with(voucherProgram(), "kind", "GENERAL"), "fundingSplit",
            Map.of("advancePercent", 60, "balancePercent", 40)), 422));
    all.add(bad("POST /programs ratio 0", HttpMethod.POST, programs, pm, f -> ruleWith("ratio", BigDecimal.ZERO), 422));
    all.add(bad("POST /programs ratio 1.5", HttpMethod.POST, programs, pm, f -> ruleWith("ratio", new BigDecimal("1.5")),
        422));
    all.add(bad("POST /programs ratio 0.33333 (not exact in basis points)", HttpMethod.POST, programs, pm,
        f -> ruleWith("ratio", new BigDecimal("0.33333")), 422));
    all.add(bad("POST /programs ratio is text", HttpMethod.POST, programs, pm, f -> ruleWith("ratio", "half"), 400));
    all.add(bad("POST /programs faceValueFen 0", HttpMethod.POST, programs, pm, f -> ruleWith("faceValueFen", 0), 400));
    all.add(bad("POST /programs faceValueFen 1.5", HttpMethod.POST, programs, pm, f -> ruleWith("faceValueFen", 1.5),
        400));
    all.add(bad("POST /programs annual cap below the face value", HttpMethod.POST, programs, pm,
        f -> ruleWith("annualCapPerEnterpriseFen", 4_999_999), 422));
    all.add(bad("POST /programs validityDays 0", HttpMethod.POST, programs, pm, f -> ruleWith("validityDays", 0), 400));
    all.add(bad("POST /programs validityDays 4000", HttpMethod.POST, programs, pm, f -> ruleWith("validityDays", 4000),
        422));
    all.add(bad("POST /programs no eligible category", HttpMethod.POST, programs, pm,
        f -> ruleWith("eligibleCategories", List.of()), 400));
    all.add(bad("POST /programs unknown category", HttpMethod.POST, programs, pm,
        f -> ruleWith("eligibleCategories", List.of("GARDENING")), 400));
    all.add(bad("POST /programs district code 12", HttpMethod.POST, programs, pm,
        f -> ruleWith("districtCodes", List.of("12")), 422));

    all.add(bad("POST /proposals to a VOUCHER program", HttpMethod.POST, f -> "/proposals", a,
        f -> proposalBody(f.program(), ENTERPRISE_A, 1_000_000, PEOPLE.get(0)), 422));

    // ---------------------------------------------------------------- POST /vouchers
    all.add(apply("malformed JSON", a, f -> "{\"programId\": \"x", 400));
    all.add(apply("empty body", a, f -> "", 400));
    all.add(new Bad("POST /vouchers text/plain", HttpMethod.POST, f -> "/vouchers", a, f -> "hi", MediaType.TEXT_PLAIN,
        KEY, 415));
    all.add(new Bad("POST /vouchers without Idempotency-Key", HttpMethod.POST, f -> "/vouchers", a,
        VoucherMatrixIT::validApply, MediaType.APPLICATION_JSON, Map.of(), 400));
    all.add(apply("missing programId", a, f -> without(validApply(f), "programId"), 400));
    all.add(apply("missing pledge", a, f -> without(validApply(f), "pledge"), 400));
    all.add(apply("smeDeclared is a string", a, f -> with(validApply(f), "smeDeclared", "yes"), 400));
    // the legal representative's ID number (issue 18 point 2): a wrong one is a 400 naming the field, nothing stored
    all.add(named(apply("legal representative ID with a wrong check character", a,
        f -> with(validApply(f), "legalRepresentativeNationalId", BAD_LEGAL_REP), 400), "legalRepresentativeNationalId"));
    all.add(named(apply("legal representative ID born in 2099", a,
        f -> with(validApply(f), "legalRepresentativeNationalId", "110108209901011234"), 400),
        "legalRepresentativeNationalId"));
    all.add(named(apply("legal representative ID of 17 characters", a,
        f -> with(validApply(f), "legalRepresentativeNationalId", "12010119800413592"), 400),
        "legalRepresentativeNationalId"));
    all.add(named(apply("legal representative ID blank", a,
        f -> with(validApply(f), "legalRepresentativeNationalId", " "), 400), "legalRepresentativeNationalId"));
    all.add(named(apply("legal representative ID is a number", a,
        f -> with(validApply(f), "legalRepresentativeNationalId", 120101198004135929L), 400),
        "legalRepresentativeNationalId"));
    all.add(apply("unknown program", a, f -> with(validApply(f), "programId", "prg-nope"), 404));
    all.add(apply("a GENERAL program", a, f -> with(validApply(f), "programId", f.general()), 422));
    all.add(apply("SME not declared", a, f -> with(validApply(f), "smeDeclared", false), 422));
    all.add(apply("pledge not accepted", a, f -> with(validApply(f), "pledge", Map.of("accepted", false)), 422));
    all.add(apply("enterprise registered outside the district", applicant(VoucherIT.freshCode("120000")),
        VoucherMatrixIT::validApply, 422));
    all.add(apply("applicant with an invalid org_code", applicant(BAD_ORG), VoucherMatrixIT::validApply, 422));

    // ---------------------------------------------------------------- POST /vouchers/{issued}/contract
    Function<Fixture, String> contract = f -> "/vouchers/" + f.issued() + "/contract";
    String cn = "POST /vouchers/{issued}/contract";
    all.add(bad(cn + " malformed JSON", HttpMethod.POST, contract, a, f -> "{\"amountFen\":", 400));
    all.add(bad(cn + " amount is a string", HttpMethod.POST, contract, a, f -> with(validContract(f), "amountFen", "lots"),
        400));
    all.add(bad(cn + " amount 1.5 fen", HttpMethod.POST, contract, a, f -> with(validContract(f), "amountFen", 1.5), 400));
    all.add(bad(cn + " amount 0", HttpMethod.POST, contract, a, f -> with(validContract(f), "amountFen", 0), 400));
    all.add(bad(cn + " amount -1", HttpMethod.POST, contract, a, f -> with(validContract(f), "amountFen", -1), 400));
    all.add(bad(cn + " amount beyond long", HttpMethod.POST, contract, a,
        f -> "{\"providerId\":\"" + f.providerA() + "\",\"category\":\"TESTING\",\"documentId\":\""
            + f.issuedDocument() + "\",\"amountFen\":92233720368547758070}", 400));
    all.add(bad(cn + " unknown category", HttpMethod.POST, contract, a,
        f -> with(validContract(f), "category", "GARDENING"), 400));
    all.add(bad(cn + " missing providerId", HttpMethod.POST, contract, a, f -> without(validContract(f), "providerId"),
        400));
    all.add(bad(cn + " missing documentId", HttpMethod.POST, contract, a, f -> without(validContract(f), "documentId"),
        400));
    all.add(bad(cn + " contractNumber 101 chars", HttpMethod.POST, contract, a,
        f -> with(validContract(f), "contractNumber", "n".repeat(101)), 400));
    all.add(bad(cn + " unknown document", HttpMethod.POST, contract, a,
        f -> with(validContract(f), "documentId", "0123456789abcdef01234567"), 422));
    all.add(bad(cn + " documentId not a stored id", HttpMethod.POST, contract, a,
        f -> with(validContract(f), "documentId", "not-an-object-id"), 422));
    all.add(bad(cn + " unregistered provider", HttpMethod.POST, contract, a,
        f -> with(validContract(f), "providerId", "spv-" + BAD_ORG), 422));
    all.add(bad(cn + " provider pending approval", HttpMethod.POST, contract, a,
        f -> with(validContract(f), "providerId", f.pendingProvider()), 422));
    all.add(bad(cn + " category not eligible", HttpMethod.POST, contract, a,
        f -> with(validContract(f), "category", "RD_DESIGN"), 422));
    all.add(bad(cn + " category eligible but not offered", HttpMethod.POST, contract, a,
        f -> with(validContract(f), "category", "IP_SERVICES"), 422));
    all.add(bad(cn + " If-Match of another version", HttpMethod.POST, contract, a, VoucherMatrixIT::validContract, 412)
        .withHeaders(Map.of("If-Match", "\"99\"")));
    all.add(bad("POST /vouchers/{contracted}/contract again", HttpMethod.POST,
        f -> "/vouchers/" + f.contracted() + "/contract", a, VoucherMatrixIT::validContract, 409));

    // ---------------------------------------------------------------- settlement and delivery out of order
    all.add(bad("POST /vouchers/{issued}/delivery-confirmation before a claim", HttpMethod.POST,
        f -> "/vouchers/" + f.issued() + "/delivery-confirmation", a, f -> null, 409));
    all.add(bad("POST /vouchers/{redeemed}/delivery-confirmation again", HttpMethod.POST,
        f -> "/vouchers/" + f.redeemed() + "/delivery-confirmation", a, f -> null, 409));
    all.add(bad("POST /vouchers/{redeemed}/settlement-claim again", HttpMethod.POST,
        f -> "/vouchers/" + f.redeemed() + "/settlement-claim", VoucherIT.provider(PROVIDER_A), f -> null, 409));

    // ---------------------------------------------------------------- providers
    String p = VoucherIT.provider(PROVIDER_A);
    Function<Fixture, String> providers = f -> "/service-providers";
    Map<String, Object> registration = Map.of("organisationCode", PROVIDER_A, "name", "机构", "categories",
        List.of("TESTING"));
    all.add(bad("POST /service-providers invalid organisation code", HttpMethod.POST, providers,
        VoucherIT.provider(BAD_ORG), f -> with(registration, "organisationCode", BAD_ORG), 422));
    all.add(bad("POST /service-providers another organisation's code", HttpMethod.POST, providers, p,
        f -> with(registration, "organisationCode", PROVIDER_B), 403));
    all.add(bad("POST /service-providers already registered", HttpMethod.POST, providers, p, f -> registration, 409));
    all.add(bad("POST /service-providers no category", HttpMethod.POST, providers, p,
        f -> with(registration, "categories", List.of()), 400));
    all.add(bad("POST /service-providers unknown category", HttpMethod.POST, providers, p,
        f -> with(registration, "categories", List.of("GARDENING")), 400));
    all.add(bad("POST /service-providers missing name", HttpMethod.POST, providers, p,
        f -> without(registration, "name"), 400));
    all.add(bad("POST /service-providers name 301 chars", HttpMethod.POST, providers, p,
        f -> with(registration, "name", "n".repeat(301)), 400));
    all.add(bad("POST /service-providers malformed JSON", HttpMethod.POST, providers, p, f -> "{\"name\":", 400));
    // a fresh organisation, so that only the ID number is wrong: 400 naming the field, no registration stored
    String freshProvider = VoucherIT.freshCode("120116");
    Map<String, Object> freshRegistration = Map.of("organisationCode", freshProvider, "name", "机构",
        "categories", List.of("TESTING"));
    all.add(named(bad("POST /service-providers legal representative ID with a wrong check character",
        HttpMethod.POST, providers, VoucherIT.provider(freshProvider),
        f -> with(freshRegistration, "legalRepresentativeNationalId", BAD_LEGAL_REP), 400),
        "legalRepresentativeNationalId"));
    all.add(named(bad("POST /service-providers legal representative ID not a date", HttpMethod.POST, providers,
        VoucherIT.provider(freshProvider),
        f -> with(freshRegistration, "legalRepresentativeNationalId", "370202199902304790"), 400),
        "legalRepresentativeNationalId"));
    all.add(bad("POST /service-providers/{approved}/approve again", HttpMethod.POST,
        f -> "/service-providers/" + f.providerA() + "/approve", pm, f -> null, 409));
    all.add(bad("POST /service-providers/{pending}/reject without reason", HttpMethod.POST,
        f -> "/service-providers/" + f.pendingProvider() + "/reject", pm, f -> Map.of(), 400));
    all.add(bad("POST /service-providers/{pending}/reject blank reason", HttpMethod.POST,
        f -> "/service-providers/" + f.pendingProvider() + "/reject", pm, f -> Map.of("reason", " "), 400));

    // ---------------------------------------------------------------- queries
    all.add(bad("GET /vouchers?status=LOTTERY", HttpMethod.GET, f -> "/vouchers?status=LOTTERY", a, f -> null, 400));
    all.add(bad("GET /public/service-providers?category=GARDENING (no login)", HttpMethod.GET,
        f -> "/public/service-providers?category=GARDENING", null, f -> null, 400));
    all.add(bad("GET /service-providers?status=OPEN", HttpMethod.GET, f -> "/service-providers?status=OPEN", pm,
        f -> null, 400));
    return all.stream();
  }

  // ================================================================== (2) role x endpoint matrix

  enum Who {
    NONE, ENTERPRISE, ENTERPRISE_OTHER, PROVIDER, PROVIDER_OTHER, PROGRAM_MANAGER, EXPERT, FINANCE_OFFICER,
    FINANCE_APPROVER, INTEGRITY_OFFICER, AUDITOR;

    String token() {
      return switch (this) {
        case NONE -> null;
        case ENTERPRISE -> applicant(ENTERPRISE_A);
        case ENTERPRISE_OTHER -> applicant(ENTERPRISE_B);
        case PROVIDER -> VoucherIT.provider(PROVIDER_A);
        case PROVIDER_OTHER -> VoucherIT.provider(PROVIDER_B);
        case EXPERT -> TestJwts.token("expert-x", List.of("EXPERT"), ENTERPRISE_B);
        default -> TestJwts.token(name().toLowerCase() + "-x", List.of(name()), null);
      };
    }
  }

  /** What one call is made on: a path and its body. */
  record Target(String path, Object body) {}

  record Endpoint(String name, HttpMethod method, Function<VoucherMatrixIT, Target> make, Map<String, String> headers,
      Map<Who, Integer> expected) implements BadInputAndAccessMatrix.Endpoint<VoucherMatrixIT, Target, Who> {
    @Override
    public Target target(VoucherMatrixIT test) {
      return make.apply(test);
    }

    @Override
    public Request request(VoucherMatrixIT test, Target target, Who who) {
      return new Request(method, target.path(), who.token(), target.body(), MediaType.APPLICATION_JSON, headers);
    }
  }

  static Map<Who, Integer> only(int ok, Who... allowed) {
    return BadInputAndAccessMatrix.statuses(Who.NONE, ok, allowed);
  }

  static Map<Who, Integer> with(Map<Who, Integer> m, Who who, int status) {
    m.put(who, status);
    return m;
  }

  static List<Endpoint> endpoints() {
    Who[] staff = {Who.PROGRAM_MANAGER, Who.AUDITOR, Who.FINANCE_OFFICER, Who.FINANCE_APPROVER};
    Map<Who, Integer> readContracted = only(200, Who.ENTERPRISE, Who.PROVIDER, Who.PROGRAM_MANAGER, Who.AUDITOR,
        Who.FINANCE_OFFICER, Who.FINANCE_APPROVER);
    readContracted.put(Who.ENTERPRISE_OTHER, 404);
    readContracted.put(Who.PROVIDER_OTHER, 404);
    Map<Who, Integer> list = only(200, Who.ENTERPRISE, Who.ENTERPRISE_OTHER, Who.PROVIDER, Who.PROVIDER_OTHER,
        Who.PROGRAM_MANAGER, Who.AUDITOR, Who.FINANCE_OFFICER, Who.FINANCE_APPROVER);
    Map<Who, Integer> publicList = new LinkedHashMap<>();
    for (Who w : Who.values()) {
      publicList.put(w, 200);
    }
    Map<Who, Integer> ownProvider = only(200, Who.PROGRAM_MANAGER, Who.AUDITOR, Who.PROVIDER);
    ownProvider.put(Who.PROVIDER_OTHER, 404);
    Map<String, String> key = Map.of("Idempotency-Key", "matrix-apply");
    return List.of(
        new Endpoint("POST /vouchers", HttpMethod.POST, t -> new Target("/vouchers", VoucherIT.application(fx.program())),
            key, only(201, Who.ENTERPRISE, Who.ENTERPRISE_OTHER)),
        new Endpoint("GET /vouchers", HttpMethod.GET, t -> new Target("/vouchers?limit=5", null), Map.of(), list),
        new Endpoint("GET /vouchers/{A's, contracted with provider A}", HttpMethod.GET,
            t -> new Target("/vouchers/" + fx.contracted(), null), Map.of(), readContracted),
        new Endpoint("GET /vouchers/{id}/documents/{id}", HttpMethod.GET,
            t -> new Target("/vouchers/" + fx.redeemed() + "/documents/" + t.documentOf(fx.redeemed()), null),
            Map.of(), readContracted),
        new Endpoint("POST /vouchers/{A's issued}/contract", HttpMethod.POST, t -> {
          String v = t.issued(fx.program());
          return new Target("/vouchers/" + v + "/contract", VoucherIT.contract(fx.providerA(), "TESTING", 1_000_000,
              t.document(v)));
        }, Map.of(), with(only(200, Who.ENTERPRISE), Who.ENTERPRISE_OTHER, 404)),
        new Endpoint("POST /vouchers/{contracted with A}/settlement-claim", HttpMethod.POST,
            t -> new Target("/vouchers/" + t.contracted(fx.program(), fx.providerA()) + "/settlement-claim", null),
            Map.of(), with(only(200, Who.PROVIDER), Who.PROVIDER_OTHER, 404)),
        new Endpoint("POST /vouchers/{claimed}/delivery-confirmation", HttpMethod.POST,
            t -> new Target("/vouchers/" + t.claimed(fx.program(), fx.providerA()) + "/delivery-confirmation", null),
            Map.of(), with(only(200, Who.ENTERPRISE), Who.ENTERPRISE_OTHER, 404)),
        new Endpoint("POST /service-providers (provider A, registered)", HttpMethod.POST,
            t -> new Target("/service-providers", Map.of("organisationCode", PROVIDER_A, "name", "机构",
                "categories", List.of("TESTING"))), Map.of(), only(409, Who.PROVIDER)),
        new Endpoint("GET /service-providers", HttpMethod.GET, t -> new Target("/service-providers", null), Map.of(),
            only(200, Who.PROGRAM_MANAGER, Who.AUDITOR)),
        new Endpoint("GET /service-providers/{A}", HttpMethod.GET,
            t -> new Target("/service-providers/" + fx.providerA(), null), Map.of(), ownProvider),
        new Endpoint("POST /service-providers/{pending}/approve", HttpMethod.POST,
            t -> new Target("/service-providers/" + t.pendingProvider() + "/approve", null), Map.of(),
            only(200, Who.PROGRAM_MANAGER)),
        new Endpoint("POST /service-providers/{pending}/reject", HttpMethod.POST,
            t -> new Target("/service-providers/" + t.pendingProvider() + "/reject", Map.of("reason", "资质不全")),
            Map.of(), only(200, Who.PROGRAM_MANAGER)),
        new Endpoint("GET /public/service-providers", HttpMethod.GET,
            t -> new Target("/public/service-providers?category=TESTING", null), Map.of(), publicList));
  }

  /** The contract document of a voucher (read as staff). */
  @SuppressWarnings("unchecked")
  String documentOf(String voucher) {
    Map<String, Object> v = json(get(manager(), "/vouchers/" + voucher), HttpStatus.OK);
    return (String) ((Map<String, Object>) ((Map<String, Object>) v.get("contract")).get("document")).get("documentId");
  }

  @Override
  public Setup<Fixture, Who> setup() {
    return new Setup<>(MATRIX, web, template, () -> fx, Who::token);
  }

  @AfterAll
  static void printTables() {
    MATRIX.printTables(endpoints().stream().map(Endpoint::name).toList(), Who.values(), 52);
  }
}
