package org.fundflow.portal.web.vouchers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.csrf;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.fundflow.portal.i18n.Languages;
import org.fundflow.portal.web.PageTests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.OidcLoginMutator;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * The innovation-voucher pages (创新券, issue 18 point 5) against a stub of project-intake: the enterprise applies
 * (small-and-medium declaration, pledge, one Idempotency-Key per form), registers a contract with its document in one
 * form and confirms delivery; the provider registers and claims settlement; the program manager approves or rejects a
 * registration; anyone reads the public list. The stub records what the portal sent and refuses some calls with the
 * service's problems; the pages say them in the user's language next to the field they are about.
 */
@SpringBootTest
class VoucherPagesTest {

  static final String ORG = "91120112MNH91HTMX6";
  static final String PROVIDER_ORG = "91120112DA1KCGYFXP";
  static final MongoServer MONGO = new MongoServer(new MemoryBackend());
  static final InetSocketAddress MONGO_ADDRESS = MONGO.bind();

  record Sent(String uri, String body, String idempotencyKey) {}

  static final List<Sent> SENT = new CopyOnWriteArrayList<>();
  static final AtomicReference<String> STATUS = new AtomicReference<>("ISSUED");
  static final AtomicBoolean EXPIRED = new AtomicBoolean();
  static final AtomicBoolean REGISTERED = new AtomicBoolean();

  static String voucher() {
    String contract = STATUS.get().equals("ISSUED") ? "null" : """
        {"providerId":"spv-%s","providerOrganisationCode":"%s","providerName":"天津津南检验检测认证有限公司",
         "category":"TESTING","amountFen":8765432,"contractNumber":"JNJC-2026-0917",
         "document":{"documentId":"d-1","name":"检测服务合同.pdf","mediaType":"application/pdf","sizeBytes":2048,
                     "sha256":"%s"},"registeredAt":"2026-12-04T02:00:00Z"}""".formatted(PROVIDER_ORG, PROVIDER_ORG,
        "ab".repeat(32));
    return """
        {"id":"v-1","programId":"pg-v","organisationCode":"%s","organisationName":"津南新材料","year":2026,"sequence":1,
         "faceValueFen":5000000,"ratio":0.3500,"eligibleCategories":["TESTING","RD_DESIGN"],"status":"%s",
         "issuedAt":"2026-12-03T01:00:00Z","expiresAt":"2027-06-01T16:00:00Z","lastValidDay":"2027-06-01",
         "expired":%s,"contract":%s%s}""".formatted(ORG, STATUS.get(), EXPIRED.get(), contract,
        STATUS.get().equals("SETTLEMENT_CLAIMED") ? ",\"settlementClaimedAt\":\"2026-12-05T02:00:00Z\"" : "");
  }

  static String provider(String id, String status) {
    return """
        {"id":"%s","organisationCode":"%s","name":"天津津南检验检测认证有限公司","categories":["TESTING","IP_SERVICES"],
         "contact":"检测业务部","status":"%s","registeredAt":"2026-12-02T01:00:00Z"}""".formatted(id, PROVIDER_ORG, status);
  }

  static final String PROGRAMS = """
      {"items":[{"id":"pg-g","name":"一般项目","kind":"GENERAL","status":"OPEN"},
                {"id":"pg-v","name":"2026年度津南区科技创新券","kind":"VOUCHER","status":"OPEN",
                 "voucherRule":{"faceValueFen":5000000,"validityDays":180,"annualCapPerEnterpriseFen":10000000,
                   "vouchersPerEnterprisePerYear":2,"eligibleCategories":["TESTING","RD_DESIGN"],"ratio":0.35,
                   "ratioBasisPoints":3500,"districtCodes":["120112"]}}],
       "nextCursor":null}""";

  static final String PUBLIC_PROVIDERS = """
      {"items":[{"id":"spv-%s","organisationCode":"%s","name":"天津津南检验检测认证有限公司","categories":["TESTING","IP_SERVICES"]},
                {"id":"spv-consult","organisationCode":"91120112CONSULT001","name":"只做咨询的机构","categories":["CONSULTING"]},
                {"id":"spv-pending","organisationCode":"91120112PENDING001","name":"待审核的机构","categories":["TESTING"]}],
       "nextCursor":null}""".formatted(PROVIDER_ORG, PROVIDER_ORG);

  /** A resident ID number with a wrong check character, and project-intake's answer to it (issue 18 point 2). */
  static final String WRONG_ID = "120101198004135928";
  static final String GOOD_ID = "11010819841203824X";
  static final String INVALID_ID = """
      {"type":"https://fundflow.org/problems/validation","status":400,"title":"Bad Request",
       "errors":[{"field":"legalRepresentativeNationalId","message":"is not a valid resident ID number (GB 11643: check character or birth date wrong)"}]}""";

  static final DisposableServer SERVICES = HttpServer.create().host("127.0.0.1").port(0)
      .route(r -> r
          .get("/programs", (req, res) -> json(res, 200, PROGRAMS))
          .get("/vouchers", (req, res) -> json(res, 200, "{\"items\":[" + voucher() + "],\"nextCursor\":null}"))
          .get("/vouchers/v-1", (req, res) -> json(res, 200, voucher()))
          .get("/vouchers/other", (req, res) -> json(res, 404,
              "{\"type\":\"https://fundflow.org/problems/not-found\",\"status\":404}"))
          .post("/vouchers", (req, res) -> received(req).flatMap(body -> body.contains(WRONG_ID) ? json(res, 400, INVALID_ID)
              : body.contains("\"smeDeclared\":true")
              ? json(res, 201, voucher())
              : json(res, 422, "{\"type\":\"https://fundflow.org/problems/sme-declaration-required\",\"status\":422}")))
          .post("/vouchers/v-1/documents", (req, res) -> received(req).flatMap(body -> body.contains("contract.exe")
              ? json(res, 415, "{\"type\":\"https://fundflow.org/problems/file-type-not-allowed\",\"status\":415}")
              : json(res, 201, """
              {"documentId":"d-1","name":"检测服务合同.pdf","mediaType":"application/pdf","sizeBytes":2048,"sha256":"%s"}"""
              .formatted("ab".repeat(32)))))
          .post("/vouchers/v-1/contract", (req, res) -> received(req).flatMap(body -> {
            if (body.contains("spv-pending")) {
              return json(res, 422, "{\"type\":\"https://fundflow.org/problems/provider-not-approved\",\"status\":422}");
            }
            STATUS.set("CONTRACTED");
            return json(res, 200, voucher());
          }))
          .post("/vouchers/v-1/settlement-claim", (req, res) -> received(req).flatMap(body -> {
            STATUS.set("SETTLEMENT_CLAIMED");
            return json(res, 200, voucher());
          }))
          .post("/vouchers/v-1/delivery-confirmation", (req, res) -> received(req).flatMap(body -> {
            if (!STATUS.get().equals("SETTLEMENT_CLAIMED")) {
              return json(res, 409, "{\"type\":\"https://fundflow.org/problems/illegal-transition\",\"status\":409}");
            }
            STATUS.set("REDEEMED");
            return json(res, 200, voucher());
          }))
          .get("/public/service-providers", (req, res) -> {
            SENT.add(new Sent(req.uri(), "", null));
            return json(res, 200, PUBLIC_PROVIDERS);
          })
          .get("/service-providers/spv-" + PROVIDER_ORG, (req, res) -> REGISTERED.get()
              ? json(res, 200, provider("spv-" + PROVIDER_ORG, "PENDING"))
              : json(res, 404, "{\"type\":\"https://fundflow.org/problems/not-found\",\"status\":404}"))
          .get("/service-providers", (req, res) -> json(res, 200,
              "{\"items\":[" + provider("spv-" + PROVIDER_ORG, "PENDING") + "],\"nextCursor\":null}"))
          .post("/service-providers", (req, res) -> received(req).flatMap(body -> {
            if (body.contains(WRONG_ID)) {
              return json(res, 400, INVALID_ID);
            }
            REGISTERED.set(true);
            return json(res, 201, provider("spv-" + PROVIDER_ORG, "PENDING"));
          }))
          .post("/service-providers/spv-" + PROVIDER_ORG + "/approve", (req, res) -> received(req)
              .flatMap(body -> json(res, 200, provider("spv-" + PROVIDER_ORG, "APPROVED"))))
          .post("/service-providers/spv-" + PROVIDER_ORG + "/reject", (req, res) -> received(req)
              .flatMap(body -> json(res, 200, provider("spv-" + PROVIDER_ORG, "REJECTED")))))
      .bindNow();

  static Mono<String> received(HttpServerRequest req) {
    return req.receive().aggregate().asString().defaultIfEmpty("")
        .doOnNext(body -> SENT.add(new Sent(req.uri(), body, req.requestHeaders().get("Idempotency-Key"))));
  }

  static Mono<Void> json(HttpServerResponse res, int status, String body) {
    return PageTests.json(res, status, body);
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    PageTests.stubbed(registry, MONGO_ADDRESS, "http://127.0.0.1:" + SERVICES.port(), "20s", "project-intake");
    registry.add("portal.services.post-subsidy.url", () -> "http://127.0.0.1:1");
    registry.add("portal.services.milestone-review.url", () -> "http://127.0.0.1:1");
    registry.add("portal.services.integrity-check.url", () -> "http://127.0.0.1:1");
  }

  @AfterAll
  static void stop() {
    SERVICES.disposeNow();
    MONGO.shutdownNow();
  }

  @Autowired ApplicationContext context;
  WebTestClient web;

  @BeforeEach
  void client() {
    web = PageTests.client(context, Duration.ofSeconds(120)); // the first page of a cold context on a loaded machine
    SENT.clear();
    STATUS.set("ISSUED");
    EXPIRED.set(false);
    REGISTERED.set(false);
  }

  static OidcLoginMutator user(String subject, String role, String org, String orgName) {
    Map<String, Object> claims = new java.util.LinkedHashMap<>(Map.of("name", "孙浩"));
    if (org != null) {
      claims.put("org_code", org);
      claims.put("org_name", orgName);
    }
    return PageTests.login(subject, claims, role);
  }

  static OidcLoginMutator enterprise() {
    return user("app-li", "APPLICANT", ORG, "津南新材料");
  }

  static OidcLoginMutator provider() {
    return user("provider", "SERVICE_PROVIDER", PROVIDER_ORG, "天津津南检验检测认证有限公司");
  }

  static OidcLoginMutator manager() {
    return user("program-manager", "PROGRAM_MANAGER", null, null);
  }

  WebTestClient.ResponseSpec post(OidcLoginMutator who, String path, MultiValueMap<String, String> form) {
    return PageTests.post(web, who, path, form);
  }

  WebTestClient.ResponseSpec postContract(MultipartBodyBuilder parts) {
    return web.mutateWith(enterprise()).mutateWith(csrf()).post().uri("/applicant/vouchers/v-1/contract")
        .contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(parts.build())).exchange();
  }

  String page(OidcLoginMutator who, String path) {
    return web.mutateWith(who).get().uri(path).exchange().expectStatus().isOk().expectBody(String.class)
        .returnResult().getResponseBody();
  }

  static String body(WebTestClient.ResponseSpec response, HttpStatus status) {
    return response.expectStatus().isEqualTo(status).expectBody(String.class).returnResult().getResponseBody();
  }

  /** A file part's content with the name the browser sends. */
  static ByteArrayResource named(String filename, byte[] content) {
    return new ByteArrayResource(content) {
      @Override
      public String getFilename() {
        return filename;
      }
    };
  }

  static MultiValueMap<String, String> form(String... pairs) {
    return PageTests.form(pairs);
  }

  // ---------------------------------------------------------------- the enterprise

  @Test
  void theEnterpriseSeesTheProgramTermsInWords_andAppliesOnceWithItsDeclarationAndPledge() {
    String html = page(enterprise(), "/applicant/vouchers");
    assertThat(html).contains("科技创新券").contains("2026年度津南区科技创新券")
        .contains("面额¥50,000.00，按合同金额的35%抵扣（以面额为限），自发放起180天内有效，每家企业每年最多¥100,000.00。")
        .contains("检验检测认证</span>、<span>研发设计").doesNotContain("一般项目")
        .contains("2026年第1张创新券").contains("已发放").contains("2027-06-01")
        .contains("href=\"/applicant/vouchers\" aria-current=\"page\"");
    String key = html.replaceAll("(?s).*name=\"idempotencyKey\" value=\"([^\"]+)\".*", "$1");

    String refused = body(post(enterprise(), "/applicant/vouchers", form("programId", "pg-v", "idempotencyKey", key,
        "pledgeAccepted", "true", "pledgeVersion", "2026年第1版（中文）")), HttpStatus.UNPROCESSABLE_CONTENT);
    assertThat(refused).contains("创新券面向中小企业：请声明中小企业身份后再申领。").contains("role=\"alert\"")
        .doesNotContain("sme-declaration-required");

    post(enterprise(), "/applicant/vouchers", form("programId", "pg-v", "idempotencyKey", key, "smeDeclared", "true",
        "pledgeAccepted", "true", "pledgeVersion", "2026年第1版（中文）"))
        .expectStatus().isEqualTo(HttpStatus.SEE_OTHER).expectHeader().location("/applicant/vouchers/v-1?issued=1");
    assertThat(SENT.get(1)).isEqualTo(new Sent("/vouchers", "{\"programId\":\"pg-v\",\"pledge\":{\"accepted\":true,"
        + "\"textVersion\":\"2026年第1版（中文）\"},\"smeDeclared\":true}", key));
  }

  /**
   * Issue 18 point 2: the application offers the legal representative's ID number (optional, explained); a number
   * project-intake refuses is said next to the field in Chinese and is not shown again; a good one is passed on as
   * typed, and without one the body has no such field (the first test's body).
   */
  @Test
  void theApplicationTakesTheLegalRepresentativesIdNumber_aRefusedOneIsExplainedNextToIt_andNeverShownAgain() {
    String html = page(enterprise(), "/applicant/vouchers");
    assertThat(html).contains("法定代表人身份证号（选填）").contains("仅以加密散列形式保存")
        .contains("name=\"legalRepresentativeNationalId\"").contains("aria-describedby=\"legalRepresentativeNationalId-hint\"");
    String key = html.replaceAll("(?s).*name=\"idempotencyKey\" value=\"([^\"]+)\".*", "$1");

    String refused = body(post(enterprise(), "/applicant/vouchers", form("programId", "pg-v", "idempotencyKey", key,
        "smeDeclared", "true", "pledgeAccepted", "true", "pledgeVersion", "2026年第1版（中文）",
        "legalRepresentativeNationalId", WRONG_ID)), HttpStatus.BAD_REQUEST);
    assertThat(refused).contains("法定代表人身份证号无效（应为18位，出生日期和校验码须正确），请重新填写。")
        .contains("id=\"legalRepresentativeNationalId-error\"").contains("aria-invalid=\"true\"")
        .doesNotContain(WRONG_ID).doesNotContain("GB 11643").doesNotContain("problems/validation");

    post(enterprise(), "/applicant/vouchers", form("programId", "pg-v", "idempotencyKey", key, "smeDeclared", "true",
        "pledgeAccepted", "true", "pledgeVersion", "2026年第1版（中文）", "legalRepresentativeNationalId",
        " " + GOOD_ID + " ")).expectStatus().isEqualTo(HttpStatus.SEE_OTHER);
    assertThat(SENT.get(SENT.size() - 1)).isEqualTo(new Sent("/vouchers", "{\"programId\":\"pg-v\",\"pledge\":"
        + "{\"accepted\":true,\"textVersion\":\"2026年第1版（中文）\"},\"smeDeclared\":true,"
        + "\"legalRepresentativeNationalId\":\"" + GOOD_ID + "\"}", key));
    assertThat(page(enterprise(), "/applicant/vouchers/v-1?issued=1")).doesNotContain(GOOD_ID);
  }

  @Test
  void theApplicationFormInEnglishExplainsTheLegalRepresentativeField() {
    String html = web.mutateWith(enterprise()).get().uri("/applicant/vouchers").cookie(Languages.COOKIE, "en").exchange()
        .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    assertThat(html).contains("Legal representative&#39;s resident ID number (optional)")
        .contains("Kept only as a keyed hash");
  }

  @Test
  void theContractFormSaysWhatIsMissingNextToEachField_andSendsNothing() {
    MultipartBodyBuilder parts = new MultipartBodyBuilder();
    parts.part("providerId", "");
    parts.part("category", "");
    parts.part("amount", "12.345");
    String html = body(postContract(parts), HttpStatus.BAD_REQUEST);
    assertThat(html).contains("请选择服务机构。").contains("请选择服务类别。").contains("请选择合同文件。")
        .contains("id=\"amount-error\"").contains("value=\"12.345\"");
    assertThat(SENT).noneMatch(s -> s.uri().startsWith("/vouchers/v-1/"));
  }

  @Test
  void theUsableVoucherOffersOnlyProvidersOfItsCategories_theContractGoesWithItsDocument_andTheAmountIsExact() {
    String html = page(enterprise(), "/applicant/vouchers/v-1");
    assertThat(html).contains("将创新券用于服务合同").contains("天津津南检验检测认证有限公司 (" + PROVIDER_ORG + ")")
        .doesNotContain("只做咨询的机构").contains("合同金额的35%").contains("enctype=\"multipart/form-data\"")
        .as("the issued notice only right after applying").doesNotContain("创新券已发放给贵单位。");
    assertThat(page(enterprise(), "/applicant/vouchers/v-1?issued=1")).contains("创新券已发放给贵单位。");

    MultipartBodyBuilder parts = new MultipartBodyBuilder();
    parts.part("providerId", "spv-" + PROVIDER_ORG);
    parts.part("category", "TESTING");
    parts.part("amount", "87,654.32");
    parts.part("contractNumber", "JNJC-2026-0917");
    parts.part("file", named("检测服务合同.pdf", "%PDF-1.7\n%%EOF\n".getBytes())).contentType(MediaType.APPLICATION_PDF);
    postContract(parts).expectStatus().isEqualTo(HttpStatus.SEE_OTHER)
        .expectHeader().location("/applicant/vouchers/v-1?contracted=1");
    assertThat(SENT).extracting(Sent::uri).containsSubsequence("/vouchers/v-1/documents", "/vouchers/v-1/contract");
    assertThat(SENT.get(SENT.size() - 1).body()).isEqualTo("{\"providerId\":\"spv-" + PROVIDER_ORG
        + "\",\"category\":\"TESTING\",\"amountFen\":8765432,\"contractNumber\":\"JNJC-2026-0917\",\"documentId\":\"d-1\"}");

    String contracted = page(enterprise(), "/applicant/vouchers/v-1?contracted=1");
    assertThat(contracted).contains("合同已登记。").contains("¥87,654.32").contains("检测服务合同.pdf")
        .contains("href=\"/applicant/vouchers/v-1/documents/d-1\"").doesNotContain("将创新券用于服务合同")
        .doesNotContain("确认服务已交付</button>");
  }

  @Test
  void aProviderThatIsNotApprovedIsExplainedNextToTheProviderField() {
    MultipartBodyBuilder parts = new MultipartBodyBuilder();
    parts.part("providerId", "spv-pending");
    parts.part("category", "TESTING");
    parts.part("amount", "1000");
    parts.part("file", named("合同.pdf", "%PDF-1.7\n%%EOF\n".getBytes())).contentType(MediaType.APPLICATION_PDF);
    String html = body(postContract(parts), HttpStatus.UNPROCESSABLE_CONTENT);
    assertThat(html).contains("id=\"providerId-error\"").contains("该服务机构未通过审核，不能承接创新券。")
        .contains("<option value=\"spv-pending\" selected=\"selected\">");
  }

  @Test
  void aDocumentTheServiceRefusesIsExplainedNextToTheFileField_andNoContractIsSent() {
    MultipartBodyBuilder parts = new MultipartBodyBuilder();
    parts.part("providerId", "spv-" + PROVIDER_ORG);
    parts.part("category", "TESTING");
    parts.part("amount", "1000");
    parts.part("file", named("contract.exe", "MZ".getBytes())).contentType(MediaType.APPLICATION_OCTET_STREAM);
    String html = body(postContract(parts), HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    assertThat(html).contains("id=\"file-error\"").contains("不支持此文件类型");
    assertThat(SENT).noneMatch(s -> s.uri().equals("/vouchers/v-1/contract"));
  }

  @Test
  void theEnterpriseConfirmsDeliveryOnlyAfterTheProviderClaimed_andAnExpiredVoucherCannotBeUsed() {
    STATUS.set("SETTLEMENT_CLAIMED");
    String claimed = page(enterprise(), "/applicant/vouchers/v-1");
    assertThat(claimed).contains("服务机构天津津南检验检测认证有限公司已申请兑付").contains("确认服务已交付");
    post(enterprise(), "/applicant/vouchers/v-1/delivery-confirmation", form())
        .expectStatus().isEqualTo(HttpStatus.SEE_OTHER).expectHeader().location("/applicant/vouchers/v-1?confirmed=1");
    assertThat(page(enterprise(), "/applicant/vouchers/v-1?confirmed=1")).contains("已确认服务交付").contains("已兑付");

    STATUS.set("ISSUED");
    EXPIRED.set(true);
    String expired = page(enterprise(), "/applicant/vouchers/v-1");
    assertThat(expired).contains("此创新券已过期，不能再使用。").contains("已过期").doesNotContain("将创新券用于服务合同");
  }

  @Test
  void anotherEnterprisesVoucherIsNotFound() {
    web.mutateWith(enterprise()).get().uri("/applicant/vouchers/other").exchange().expectStatus().isNotFound();
  }

  // ---------------------------------------------------------------- the service provider

  @Test
  void theProviderRegisters_seesItsStatus_andClaimsSettlementOfAContractedVoucher() {
    web.mutateWith(provider()).get().uri("/").exchange().expectStatus().is3xxRedirection()
        .expectHeader().location("/provider");
    String form = page(provider(), "/provider");
    assertThat(form).contains("value=\"" + PROVIDER_ORG + "\"").contains("value=\"天津津南检验检测认证有限公司\"")
        .contains("id=\"category-TESTING\"").contains("href=\"/provider\" aria-current=\"page\"");

    String none = body(post(provider(), "/provider/registration", form("organisationCode", PROVIDER_ORG,
        "name", "天津津南检验检测认证有限公司")), HttpStatus.BAD_REQUEST);
    assertThat(none).contains("请至少选择一项提供的服务。").contains("id=\"categories-error\"");
    assertThat(SENT).noneMatch(s -> s.uri().equals("/service-providers"));

    MultiValueMap<String, String> registration = form("organisationCode", PROVIDER_ORG, "name",
        "天津津南检验检测认证有限公司", "categories", "TESTING", "contact", "检测业务部");
    registration.add("categories", "IP_SERVICES");
    registration.add("categories", "NOT_A_CATEGORY");
    post(provider(), "/provider/registration", registration).expectStatus().isEqualTo(HttpStatus.SEE_OTHER)
        .expectHeader().location("/provider?registered=1");
    assertThat(SENT).contains(new Sent("/service-providers", "{\"organisationCode\":\"" + PROVIDER_ORG
        + "\",\"name\":\"天津津南检验检测认证有限公司\",\"categories\":[\"TESTING\",\"IP_SERVICES\"],\"contact\":\"检测业务部\"}",
        null));

    STATUS.set("CONTRACTED");
    String home = page(provider(), "/provider?registered=1");
    assertThat(home).contains("待审核").contains("检验检测认证</span>、<span>知识产权服务").contains("¥87,654.32")
        .contains("action=\"/provider/vouchers/v-1/settlement-claim\"").doesNotContain("id=\"organisationCode\"");
    post(provider(), "/provider/vouchers/v-1/settlement-claim", form()).expectStatus().isEqualTo(HttpStatus.SEE_OTHER)
        .expectHeader().location("/provider?claimed=v-1");
    assertThat(page(provider(), "/provider?claimed=v-1")).contains("已申请兑付，等待企业确认交付。")
        .contains("等待企业确认交付").doesNotContain("action=\"/provider/vouchers/v-1/settlement-claim\"");
  }

  /**
   * Issue 18 point 2: the registration offers the legal representative's ID number; a refused one is explained next to
   * the field and not shown again (the rest of the form is kept); a good one is passed on as typed.
   */
  @Test
  void theProviderRegistrationTakesTheLegalRepresentativesIdNumber_aRefusedOneIsExplainedAndNotShownAgain() {
    assertThat(page(provider(), "/provider")).contains("法定代表人身份证号（选填）")
        .contains("id=\"legalRepresentativeNationalId\"");
    MultiValueMap<String, String> registration = form("organisationCode", PROVIDER_ORG, "name",
        "天津津南检验检测认证有限公司", "categories", "TESTING", "legalRepresentativeNationalId", WRONG_ID);
    String refused = body(post(provider(), "/provider/registration", registration), HttpStatus.BAD_REQUEST);
    assertThat(refused).contains("法定代表人身份证号无效（应为18位，出生日期和校验码须正确），请重新填写。")
        .contains("id=\"legalRepresentativeNationalId-error\"").contains("value=\"天津津南检验检测认证有限公司\"")
        .doesNotContain(WRONG_ID).doesNotContain("GB 11643");

    registration.set("legalRepresentativeNationalId", GOOD_ID);
    post(provider(), "/provider/registration", registration).expectStatus().isEqualTo(HttpStatus.SEE_OTHER)
        .expectHeader().location("/provider?registered=1");
    assertThat(SENT.get(SENT.size() - 1)).isEqualTo(new Sent("/service-providers", "{\"organisationCode\":\""
        + PROVIDER_ORG + "\",\"name\":\"天津津南检验检测认证有限公司\",\"categories\":[\"TESTING\"],\"contact\":null,"
        + "\"legalRepresentativeNationalId\":\"" + GOOD_ID + "\"}", null));
    assertThat(page(provider(), "/provider?registered=1")).doesNotContain(GOOD_ID);
  }

  @Test
  void onlyAServiceProviderReachesTheProviderArea() {
    web.mutateWith(enterprise()).get().uri("/provider").exchange().expectStatus().isForbidden();
  }

  // ---------------------------------------------------------------- the program manager and the public

  @Test
  void theManagerApprovesARegistration_andARejectionNeedsAReason() {
    String queue = page(manager(), "/manager/providers");
    assertThat(queue).contains("服务机构登记审核").contains(PROVIDER_ORG).contains("检测业务部").doesNotContain("审核结果已记录。")
        .contains("action=\"/manager/providers/spv-" + PROVIDER_ORG + "/approve\"");

    String refused = body(post(manager(), "/manager/providers/spv-" + PROVIDER_ORG + "/reject", form("reason", " ")),
        HttpStatus.BAD_REQUEST);
    assertThat(refused).contains("请填写不通过的原因。");
    assertThat(SENT).isEmpty();

    post(manager(), "/manager/providers/spv-" + PROVIDER_ORG + "/approve", form())
        .expectStatus().isEqualTo(HttpStatus.SEE_OTHER).expectHeader().location("/manager/providers?decided=spv-"
            + PROVIDER_ORG);
    assertThat(SENT).containsExactly(new Sent("/service-providers/spv-" + PROVIDER_ORG + "/approve", "", null));
  }

  @Test
  void anAuditorReadsTheRegistrationsButIsOfferedNoDecision() {
    String html = page(user("auditor", "AUDITOR", null, null), "/manager/providers");
    assertThat(html).contains(PROVIDER_ORG).doesNotContain("/approve\"").doesNotContain("/reject\"");
  }

  @Test
  void anyoneReadsTheApprovedProvidersByCategoryWithoutLoggingIn_inEnglishToo() {
    String html = web.get().uri("/public/providers?category=TESTING").cookie(Languages.COOKIE, "en").exchange()
        .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    assertThat(html).contains("Service providers that take innovation vouchers").contains("天津津南检验检测认证有限公司")
        .contains("<span>Testing and certification</span>, <span>IP services</span>").contains("<option value=\"TESTING\" selected=\"selected\">")
        .doesNotContain("检测业务部");
    assertThat(SENT).extracting(Sent::uri).contains("/public/service-providers?category=TESTING&limit=50");
  }
}
