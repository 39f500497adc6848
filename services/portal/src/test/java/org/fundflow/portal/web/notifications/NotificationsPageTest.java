package org.fundflow.portal.web.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.csrf;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.fundflow.portal.notifications.Inbox;
import org.fundflow.portal.notifications.Notification;
import org.fundflow.portal.notifications.NotificationKind;
import org.fundflow.portal.notifications.Recipients;
import org.fundflow.portal.preferences.Contacts;
import org.fundflow.portal.web.PageTests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.OidcLoginMutator;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/**
 * The notifications page and the header's live unread count, with the real security chain and an in-memory
 * Mongo-wire store; notifications are put in the inbox as the consumers do (Inbox.deliver).
 */
@SpringBootTest(properties = "portal.notifications.recount-every=1h")
class NotificationsPageTest {

  static final MongoServer MONGO = new MongoServer(new MemoryBackend());
  static final InetSocketAddress MONGO_ADDRESS = MONGO.bind();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("spring.mongodb.uri", () -> "mongodb://127.0.0.1:" + MONGO_ADDRESS.getPort() + "/fundflow_portal");
    registry.add("portal.oidc.issuer-uri", () -> "http://127.0.0.1:1/fundflow");
  }

  @AfterAll
  static void stop() {
    MONGO.shutdownNow();
  }

  @Autowired ApplicationContext context;
  @Autowired Inbox inbox;
  @Autowired Contacts contacts;
  WebTestClient web;
  String org;

  @BeforeEach
  void client() {
    web = WebTestClient.bindToApplicationContext(context).apply(springSecurity()).configureClient()
        .responseTimeout(Duration.ofSeconds(30)).build();
    org = "91120112" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
  }

  OidcLoginMutator applicant(String subject) {
    return PageTests.login(subject,
        java.util.Map.of("name", "李伟", "org_code", org, "email", subject + "@example.org"), "APPLICANT");
  }

  Notification deliver(NotificationKind kind, Map<String, String> details) {
    return inbox.deliver(Notification.of(UUID.randomUUID().toString(), Recipients.organisation(org), kind, details,
        Instant.now(), Instant.now())).block();
  }

  @Test
  void theHeaderCountIsStreamedAtOnceAndWhenItChanges() {
    String user = "li-" + UUID.randomUUID();
    deliver(NotificationKind.HOLD_LIFTED, Map.of("holdId", "hld-1", "reason", "CASE_DISMISSED"));
    Flux<ServerSentEvent<String>> stream = web.mutateWith(applicant(user)).get().uri("/notifications/unread")
        .accept(MediaType.TEXT_EVENT_STREAM).exchange()
        .expectStatus().isOk()
        .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_EVENT_STREAM)
        .returnResult(new ParameterizedTypeReference<ServerSentEvent<String>>() {})
        .getResponseBody();

    StepVerifier.create(stream)
        .assertNext(e -> assertThat(e.event() + "=" + e.data()).isEqualTo("unread=1"))
        .then(() -> deliver(NotificationKind.PAYMENT_RELEASED,
            Map.of("amountFen", "84000000", "projectId", "prj-1", "paymentReference", "JNKJ-1")))
        .assertNext(e -> assertThat(e.data()).isEqualTo("2"))
        .then(() -> inbox.markAllRead(List.of(Recipients.organisation(org)), user).block())
        .assertNext(e -> assertThat(e.data()).isEqualTo("0"))
        .thenCancel()
        .verify(Duration.ofSeconds(30));
  }

  /**
   * Issue 16: an expert reads its own inbox ({@code USER:<token subject>}, the expert id milestone-review knows) besides
   * its role's; another expert does not see it.
   */
  @Test
  void anExpertReadsItsOwnInboxByItsLoginSubject_anotherExpertDoesNot() {
    String expert = "expert-" + UUID.randomUUID();
    inbox.deliver(Notification.of(UUID.randomUUID().toString(), Recipients.user(expert),
        NotificationKind.PANEL_ASSIGNED, Map.of("projectId", "prj-2026-000128", "sequence", "1",
            "reportId", "rpt-9f3c"), Instant.now(), Instant.now())).block();

    String mine = web.mutateWith(PageTests.login(expert, Map.of("name", "陈建国"), "EXPERT")).get()
        .uri("/notifications").exchange().expectStatus().isOk().expectBody(String.class).returnResult()
        .getResponseBody();
    assertThat(mine).contains("您已被指定为评审专家").contains("prj-2026-000128").contains("rpt-9f3c");
    String theirs = web.mutateWith(PageTests.login("expert-" + UUID.randomUUID(), Map.of("name", "李娜"), "EXPERT"))
        .get().uri("/notifications").exchange().expectStatus().isOk().expectBody(String.class).returnResult()
        .getResponseBody();
    assertThat(theirs).doesNotContain("rpt-9f3c");
    assertThat(inbox.unread(Recipients.of(expert, List.of("EXPERT"), null), expert).block()).isEqualTo(1L);
  }

  @Test
  void thePageListsNewestFirstInChineseAndMarksAsReadWithCsrf() {
    String user = "li-" + UUID.randomUUID();
    deliver(NotificationKind.HOLD_LIFTED, Map.of("holdId", "hld-7", "reason", "CASE_DISMISSED"));
    Notification payment = deliver(NotificationKind.PAYMENT_RELEASED,
        Map.of("amountFen", "84000000", "projectId", "prj-2026-000128", "paymentReference", "JNKJ-2027-000214"));

    String html = web.mutateWith(applicant(user)).get().uri("/notifications").exchange()
        .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    assertThat(html).contains("拨款已支付").contains("¥840,000.00").contains("JNKJ-2027-000214").contains("暂停已解除");
    assertThat(html.indexOf("拨款已支付")).as("newest first").isLessThan(html.indexOf("暂停已解除"));
    // a Chinese label takes the full-width colon, never the ASCII one
    assertThat(html).contains("收到时间</span><span>：</span>").doesNotContain("收到时间</span>:");
    assertThat(html).contains("sse-connect=\"/notifications/unread\"").contains("/webjars/htmx-ext-sse/sse.js");
    assertThat(html).doesNotContainPattern("<script(?![^>]*src=)").doesNotContain(" style=");

    web.mutateWith(applicant(user)).post().uri("/notifications/{id}/read", payment.id()).exchange()
        .expectStatus().isForbidden();
    web.mutateWith(applicant(user)).mutateWith(csrf()).post().uri("/notifications/{id}/read", payment.id()).exchange()
        .expectStatus().is3xxRedirection().expectHeader().location("/notifications");
    assertThat(inbox.unread(List.of(Recipients.organisation(org)), user).block()).isEqualTo(1L);
    assertThat(inbox.unread(List.of(Recipients.organisation(org)), "another-user").block())
        .as("read marks are per user").isEqualTo(2L);

    web.mutateWith(applicant(user)).mutateWith(csrf()).post().uri("/notifications/read-all").exchange()
        .expectStatus().is3xxRedirection();
    assertThat(inbox.unread(List.of(Recipients.organisation(org)), user).block()).isZero();
  }

  @Test
  void theEmailSettingIsSavedPerUserAndShownInEnglishOnRequest() {
    String user = "li-" + UUID.randomUUID();
    web.mutateWith(applicant(user)).get().uri("/notifications").exchange().expectStatus().isOk();
    assertThat(contacts.toMail(Recipients.organisation(org)).map(Contacts.Contact::email).collectList().block())
        .containsExactly(user + "@example.org");

    web.mutateWith(applicant(user)).mutateWith(csrf()).post().uri("/notifications/mail")
        .body(BodyInserters.fromFormData("other", "x")).exchange()
        .expectStatus().is3xxRedirection().expectHeader().location("/notifications?saved");
    assertThat(contacts.mailOptOut(user).block()).isTrue();
    assertThat(contacts.toMail(Recipients.organisation(org)).collectList().block()).isEmpty();

    web.mutateWith(applicant(user)).mutateWith(csrf()).post().uri("/notifications/mail")
        .body(BodyInserters.fromFormData("mail", "on")).exchange().expectStatus().is3xxRedirection();
    assertThat(contacts.mailOptOut(user).block()).isFalse();

    web.mutateWith(applicant(user)).get().uri("/notifications?saved").header("Accept-Language", "en")
        .cookie("FUNDFLOW_LANG", "en").exchange()
        .expectStatus().isOk().expectBody(String.class).value(html -> assertThat(html)
            .contains("Your e-mail setting is saved.").contains(user + "@example.org").contains("checked"));
  }
}
