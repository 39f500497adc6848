package org.fundflow.portal.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.fundflow.platform.events.CloudEventAttributes;
import org.fundflow.platform.events.CloudEventHeaders;
import org.fundflow.platform.test.FundflowTestInfrastructure;
import org.fundflow.platform.test.SharedInfrastructure;
import org.fundflow.portal.preferences.Contacts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The portal's notification consumers against the real (embedded KRaft) broker and the Mongo-wire store, with the
 * shared-schemas example events, and a GreenMail SMTP server for the e-mails.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = FundflowTestInfrastructure.class)
class NotificationsIT {

  static final Duration WAIT = Duration.ofSeconds(60);
  static final String PROPOSAL_EVENTS = "intake.proposal-events";
  static final String PROJECT_EVENTS = "milestone.project-events";
  static final String SUBMITTED = "fundflow.intake.proposal-submitted.v1";
  static final String AWARDED = "fundflow.intake.proposal-awarded.v1";
  static final GreenMail MAIL = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
  static KafkaProducer<String, byte[]> producer;

  @LocalServerPort int port;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    MAIL.start();
    registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.cloud.stream.function.autodetect", () -> "true");
    registry.add("spring.cloud.function.definition",
        () -> "onProposalEvent;onProjectEvent;onDisbursementEvent;onIntegrityEvent");
    registry.add("portal.oidc.issuer-uri", () -> "http://127.0.0.1:1/fundflow");
  }

  @BeforeAll
  static void producer() {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.get().kafkaBootstrapServers());
    p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
  }

  @AfterAll
  static void stop() {
    producer.close();
    MAIL.stop();
  }

  @AfterEach
  void noMailLeft() throws Exception {
    MAIL.purgeEmailFromAllMailboxes();
  }

  @Autowired ReactiveMongoTemplate mongo;
  @Autowired Contacts contacts;

  @Test
  void aSubmittedProposalNotifiesTheApplicantsOrganisationAndTheProgramManagersOnceEvenWhenDeliveredTwice() {
    String org = organisationCode();
    String proposal = "prp-it-" + UUID.randomUUID();
    String json = example("project-intake/proposal-submitted.v1.json", org, proposal);
    String eventId = UUID.randomUUID().toString();
    send(PROPOSAL_EVENTS, proposal, SUBMITTED, json, eventId);
    send(PROPOSAL_EVENTS, proposal, SUBMITTED, json, eventId);
    // a later event of the same proposal (same key, same partition): when it is applied, so was the redelivery
    String later = send(PROPOSAL_EVENTS, proposal, AWARDED,
        example("project-intake/proposal-awarded.v1.json", org, proposal), UUID.randomUUID().toString());
    await().atMost(WAIT).until(() -> !of(later).isEmpty());

    List<Notification> made = of(eventId);
    assertThat(made).extracting(Notification::recipient)
        .containsExactlyInAnyOrder(Recipients.organisation(org), Recipients.role("PROGRAM_MANAGER"));
    assertThat(made).extracting(Notification::kind)
        .containsExactlyInAnyOrder(NotificationKind.PROPOSAL_SUBMITTED, NotificationKind.PROPOSAL_RECEIVED);
    assertThat(made.get(0).details()).containsEntry("proposalId", proposal);
    assertThat(of(later)).singleElement().satisfies(n -> {
      assertThat(n.kind()).isEqualTo(NotificationKind.PROPOSAL_AWARDED);
      assertThat(n.details()).containsEntry("awardedAmountFen", "280000000");
    });
  }

  @Test
  void aMalformedEventGoesToTheDeadLetterTopicWithItsReasonAndTheNextOneIsApplied() {
    String org = organisationCode();
    String proposal = "prp-it-" + UUID.randomUUID();
    String noTitle = example("project-intake/proposal-submitted.v1.json", org, proposal)
        .replaceFirst("\"title\"", "\"titel\"");
    String bad = send(PROPOSAL_EVENTS, proposal, SUBMITTED, noTitle, UUID.randomUUID().toString());
    String good = send(PROPOSAL_EVENTS, proposal, SUBMITTED,
        example("project-intake/proposal-submitted.v1.json", org, proposal), UUID.randomUUID().toString());

    assertThat(deadLetterReason("portal.dlq", bad)).contains("ProposalSubmitted").contains("title");
    await().atMost(WAIT).until(() -> of(good).size() == 2);
    assertThat(of(bad)).isEmpty();
  }

  @Test
  void eachUserOfTheInboxGetsOneEmailInItsLanguageExceptWhoOptedOut() throws Exception {
    String org = organisationCode();
    String proposal = "prp-it-" + UUID.randomUUID();
    Set<String> inboxes = Recipients.of(List.of("APPLICANT"), org);
    contacts.remember("li-wei", "li.wei@example.org", inboxes).block();
    contacts.remember("zhao-min", "zhao.min@example.org", inboxes).block();
    contacts.setMailOptOut("zhao-min", true).block();
    mongo.getCollection("preferences").flatMap(c -> reactor.core.publisher.Mono.from(c.updateOne(
        com.mongodb.client.model.Filters.eq("_id", "li-wei"),
        com.mongodb.client.model.Updates.set("language", "en")))).block();

    String json = example("project-intake/proposal-awarded.v1.json", org, proposal);
    String eventId = UUID.randomUUID().toString();
    send(PROPOSAL_EVENTS, proposal, AWARDED, json, eventId);
    send(PROPOSAL_EVENTS, proposal, AWARDED, json, eventId);

    await().atMost(WAIT).until(() -> of(eventId).stream().anyMatch(n -> n.mailedTo().contains("li-wei")));
    await().atMost(WAIT).until(() -> MAIL.getReceivedMessages().length >= 1);
    MimeMessage[] received = MAIL.getReceivedMessages();
    assertThat(received).hasSize(1);
    assertThat(Arrays.stream(received[0].getAllRecipients()).map(Object::toString)).containsExactly("li.wei@example.org");
    assertThat(received[0].getSubject()).isEqualTo("Fundflow: Proposal awarded");
    assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(received[0]))
        .contains("was awarded").contains("prj-2026-000128");
    assertThat(of(eventId)).singleElement().satisfies(n -> assertThat(n.mailedTo()).containsExactly("li-wei"));
  }

  /**
   * Issue 17 point 5: a change request tells the program managers, its decision the applicant's organisation; the
   * due-date sweep's reminder tells the applicant, its overdue warning the applicant and the program managers; each
   * once even when delivered twice. Issue 17 point 6: the performance evaluation tells the applicant.
   */
  @Test
  void changeRequestsAndTheDueDateSweepNotifyTheApplicantAndTheProgramManagersOnce() {
    String org = organisationCode();
    String project = "prj-it-" + UUID.randomUUID();
    String submitted = send(PROJECT_EVENTS, project, "fundflow.milestone.change-request-submitted.v1",
        projectExample("milestone-review/change-request-submitted.v1.json", org, project), UUID.randomUUID().toString());
    String refused = projectExample("milestone-review/change-request-decided.v1.json", org, project)
        .replace("\"approved\": true", "\"approved\": false");
    String decided = UUID.randomUUID().toString();
    send(PROJECT_EVENTS, project, "fundflow.milestone.change-request-decided.v1", refused, decided);
    send(PROJECT_EVENTS, project, "fundflow.milestone.change-request-decided.v1", refused, decided);
    String reminder = send(PROJECT_EVENTS, project, "fundflow.milestone.milestone-due-reminder.v1",
        projectExample("milestone-review/milestone-due-reminder.v1.json", org, project), UUID.randomUUID().toString());
    String overdue = send(PROJECT_EVENTS, project, "fundflow.milestone.milestone-overdue.v1",
        projectExample("milestone-review/milestone-overdue.v1.json", org, project), UUID.randomUUID().toString());
    String evaluated = send(PROJECT_EVENTS, project, "fundflow.milestone.performance-evaluated.v1",
        projectExample("milestone-review/performance-evaluated.v1.json", org, project), UUID.randomUUID().toString());
    // the events of one project keep their order: once the last is applied, so are the others
    await().atMost(WAIT).until(() -> !of(evaluated).isEmpty());

    assertThat(of(submitted)).singleElement().satisfies(n -> {
      assertThat(n.recipient()).isEqualTo(Recipients.role("PROGRAM_MANAGER"));
      assertThat(n.kind()).isEqualTo(NotificationKind.CHANGE_REQUESTED);
      assertThat(n.details()).containsEntry("projectId", project).containsEntry("changeRequestId", "chg-7c1e2a");
    });
    assertThat(of(decided)).singleElement().satisfies(n -> {
      assertThat(n.recipient()).isEqualTo(Recipients.organisation(org));
      assertThat(n.kind()).isEqualTo(NotificationKind.CHANGE_REFUSED);
      assertThat(n.details()).containsKey("reason");
    });
    assertThat(of(reminder)).singleElement().satisfies(n -> {
      assertThat(n.recipient()).isEqualTo(Recipients.organisation(org));
      assertThat(n.kind()).isEqualTo(NotificationKind.MILESTONE_DUE_SOON);
      assertThat(n.details()).containsKey("dueDate");
    });
    assertThat(of(overdue)).extracting(Notification::recipient, Notification::kind).containsExactlyInAnyOrder(
        tuple(Recipients.organisation(org), NotificationKind.MILESTONE_OVERDUE),
        tuple(Recipients.role("PROGRAM_MANAGER"),
            NotificationKind.PROJECT_MILESTONE_OVERDUE));
    assertThat(of(evaluated)).singleElement().satisfies(n -> {
      assertThat(n.recipient()).isEqualTo(Recipients.organisation(org));
      assertThat(n.kind()).isEqualTo(NotificationKind.PERFORMANCE_EVALUATED);
      assertThat(n.details()).containsEntry("met", "2").containsEntry("partlyMet", "1").containsEntry("notMet", "1");
    });
  }

  /**
   * Issue 16 point 5, from the shared examples on the real broker: a prepared disbursement tells the finance approvers;
   * experts put on a panel (a report's, a proposal's) and the decisions they took are told to each expert in its own
   * inbox (never a score of another); a flag on an organisation whose evidence names a proposal tells the program
   * managers too, a list hit naming none only the integrity officers; a hold about to expire tells the integrity
   * officers. Each once, although the assignment comes twice.
   */
  @Test
  void theFinanceApproversExpertsProgramManagersAndIntegrityOfficersHearWhatIsTheirs() {
    String org = organisationCode();
    String project = "prj-it-" + UUID.randomUUID();
    String prepared = send("subsidy.disbursement-events", project, "fundflow.subsidy.disbursement-prepared.v1",
        projectExample("post-subsidy/disbursement-prepared.v1.json", org, project), UUID.randomUUID().toString());

    String assignedJson = projectExample("milestone-review/experts-assigned.v1.json", org, project);
    String assigned = UUID.randomUUID().toString();
    send(PROJECT_EVENTS, project, "fundflow.milestone.experts-assigned.v1", assignedJson, assigned);
    send(PROJECT_EVENTS, project, "fundflow.milestone.experts-assigned.v1", assignedJson, assigned);
    String decided = send(PROJECT_EVENTS, project, "fundflow.milestone.milestone-review-completed.v1",
        projectExample("milestone-review/milestone-review-completed.v1.json", org, project),
        UUID.randomUUID().toString());
    String proposal = "prp-it-" + UUID.randomUUID();
    String proposalAssigned = send(PROJECT_EVENTS, proposal, "fundflow.milestone.experts-assigned.v1",
        example("milestone-review/variants/experts-assigned.v1-proposal-review.json", org, proposal),
        UUID.randomUUID().toString());
    String recused = send(PROJECT_EVENTS, proposal, "fundflow.milestone.review-expert-recused.v1",
        example("milestone-review/review-expert-recused.v1.json", org, proposal), UUID.randomUUID().toString());
    String reviewed = send(PROJECT_EVENTS, proposal, "fundflow.milestone.proposal-reviewed.v1",
        example("milestone-review/proposal-reviewed.v1.json", org, proposal), UUID.randomUUID().toString());

    String listHit = SharedExamples.json("integrity-check/flag-raised.v1.json")
        .replace("12120112EXH9BL324R", org);
    String listFlag = send("integrity.events", org, "fundflow.integrity.flag-raised.v1", listHit,
        UUID.randomUUID().toString());
    String onProposal = send("integrity.events", org, "fundflow.integrity.flag-raised.v1",
        listHit.replace("\"matchedOn\": \"organisationCode\"", "\"proposalId\": \"" + proposal + "\""),
        UUID.randomUUID().toString());
    String expiring = send("integrity.events", org, "fundflow.integrity.hold-expiring.v1",
        SharedExamples.json("integrity-check/hold-expiring.v1.json").replace("12120112EXH9BL324R", org),
        UUID.randomUUID().toString());
    // one key per topic keeps the order: once the last of each is applied, so are the others
    await().atMost(WAIT).until(() -> !of(prepared).isEmpty() && !of(decided).isEmpty() && !of(reviewed).isEmpty()
        && !of(expiring).isEmpty());

    assertThat(of(prepared)).singleElement().satisfies(n -> {
      assertThat(n.recipient()).isEqualTo(Recipients.role("FINANCE_APPROVER"));
      assertThat(n.kind()).isEqualTo(NotificationKind.DISBURSEMENT_TO_RELEASE);
      assertThat(n.details()).containsEntry("amountFen", "84000000").containsEntry("programId", "prg-2026-jnch-01")
          .containsEntry("payFor", project);
    });
    List<String> panel = List.of("usr-expert-chen-jianguo", "usr-expert-li-na", "usr-expert-wang-tao",
        "usr-expert-zhao-min", "usr-expert-liu-yang");
    assertThat(of(assigned)).as("one per expert, although delivered twice").hasSize(5)
        .allSatisfy(n -> assertThat(n.kind()).isEqualTo(NotificationKind.PANEL_ASSIGNED))
        .extracting(Notification::recipient)
        .containsExactlyInAnyOrderElementsOf(panel.stream().map(Recipients::user).toList());
    assertThat(of(assigned).get(0).details()).containsEntry("projectId", project).containsEntry("sequence", "1");
    assertThat(of(decided)).extracting(Notification::recipient).containsExactlyInAnyOrderElementsOf(
        java.util.stream.Stream.concat(Stream.of(Recipients.organisation(org), Recipients.role("PROGRAM_MANAGER")),
            panel.stream().map(Recipients::user)).toList());
    assertThat(of(decided)).filteredOn(n -> n.recipient().startsWith("USER:")).hasSize(5).allSatisfy(n -> {
      assertThat(n.kind()).isEqualTo(NotificationKind.PANEL_DECIDED);
      assertThat(n.details()).containsEntry("outcome", "PASSED").doesNotContainKeys("meanScore", "totalsUsed");
    });
    assertThat(of(proposalAssigned)).hasSize(3).allSatisfy(n -> {
      assertThat(n.recipient()).startsWith("USER:usr-expert-");
      assertThat(n.kind()).isEqualTo(NotificationKind.PROPOSAL_PANEL_ASSIGNED);
      assertThat(n.details()).containsEntry("proposalId", proposal);
    });
    assertThat(of(recused)).singleElement().satisfies(n -> {
      assertThat(n.recipient()).isEqualTo(Recipients.role("PROGRAM_MANAGER"));
      assertThat(n.kind()).isEqualTo(NotificationKind.REVIEW_EXPERT_RECUSED);
      assertThat(n.details()).containsEntry("proposalId", proposal).containsEntry("expertId", "expert2")
          .containsEntry("reason", "近三年与申报单位有合作研究。");
    });
    assertThat(of(reviewed)).hasSize(5).allSatisfy(n -> {
      assertThat(n.kind()).isEqualTo(NotificationKind.PROPOSAL_PANEL_DECIDED);
      assertThat(n.details()).containsOnlyKeys("proposalId", "score");
    });

    assertThat(of(listFlag)).extracting(Notification::recipient).containsExactly(Recipients.role("INTEGRITY_OFFICER"));
    assertThat(of(onProposal)).extracting(Notification::recipient, Notification::kind).containsExactlyInAnyOrder(
        tuple(Recipients.role("INTEGRITY_OFFICER"), NotificationKind.FLAG_RAISED),
        tuple(Recipients.role("PROGRAM_MANAGER"), NotificationKind.FLAG_ON_PROPOSAL));
    assertThat(of(onProposal)).filteredOn(n -> n.kind() == NotificationKind.FLAG_ON_PROPOSAL).singleElement()
        .satisfies(n -> assertThat(n.details()).containsEntry("proposalOrProject", proposal)
            .containsEntry("subject", org));
    assertThat(of(expiring)).singleElement().satisfies(n -> {
      assertThat(n.recipient()).isEqualTo(Recipients.role("INTEGRITY_OFFICER"));
      assertThat(n.kind()).isEqualTo(NotificationKind.HOLD_EXPIRING);
      assertThat(n.details()).containsEntry("subject", org).containsEntry("endsAt", "2029-12-31T16:00:00Z");
    });
  }

  /** A shared example of a project event with this organisation code and project id. */
  static String projectExample(String file, String org, String project) {
    return SharedExamples.json(file)
        .replaceAll("\"organisationCode\": \"[0-9A-Z]{18}\"", "\"organisationCode\": \"" + org + "\"")
        .replaceAll("\"projectId\": \"[^\"]+\"", "\"projectId\": \"" + project + "\"");
  }

  // ---- helpers

  List<Notification> of(String eventId) {
    return mongo.find(Query.query(Criteria.where("eventId").is(eventId)), Notification.class).collectList().block();
  }

  /** A shared example with this organisation code and proposal id (fresh per test: the topics are shared). */
  static String example(String file, String org, String proposal) {
    return SharedExamples.json(file)
        .replaceAll("\"organisationCode\": \"[0-9A-Z]{18}\"", "\"organisationCode\": \"" + org + "\"")
        .replaceAll("\"proposalId\": \"[^\"]+\"", "\"proposalId\": \"" + proposal + "\"");
  }

  static String organisationCode() {
    String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    StringBuilder b = new StringBuilder("91120112");
    java.util.Random random = new java.util.Random();
    for (int i = 0; i < 10; i++) {
      b.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return b.toString();
  }

  static String send(String topic, String key, String type, String json, String eventId) {
    ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, json.getBytes(StandardCharsets.UTF_8));
    CloudEventHeaders.write(new CloudEventAttributes(eventId, type, "/fundflow/test", key, Instant.now(),
        "corr-" + eventId, null), record.headers());
    try {
      producer.send(record).get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return eventId;
  }

  static String deadLetterReason(String dlq, String eventId) {
    Properties c = new Properties();
    c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.get().kafkaBootstrapServers());
    c.put(ConsumerConfig.GROUP_ID_CONFIG, "portal-dlq-it-" + UUID.randomUUID());
    c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(c, new StringDeserializer(),
        new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(dlq));
      AtomicReference<String> reason = new AtomicReference<>();
      await().atMost(WAIT).until(() -> {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          if (eventId.equals(header(r, CloudEventHeaders.ID))) {
            reason.set(Optional.ofNullable(header(r, "x-exception-message")).orElse(""));
          }
        }
        return reason.get() != null;
      });
      return reason.get();
    }
  }

  private static String header(ConsumerRecord<String, byte[]> r, String name) {
    var h = r.headers().lastHeader(name);
    return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }

  /**
   * What the devstack (and a load balancer) asks: the portal's overall health, against the Mongo-wire store. Spring
   * Boot 4's Mongo indicator sends {@code hello} to every database, which the embedded store does not know: the portal
   * keeps it off (its pages do not depend on its store being up), so the devstack saw it DOWN for ever.
   */
  @Test
  void thePortalsHealthIsUp_withoutAMongoIndicator() throws Exception {
    java.net.http.HttpResponse<String> health = java.net.http.HttpClient.newHttpClient().send(
        java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/actuator/health")).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
    assertThat(health.body()).contains("\"status\":\"UP\"");
  }

  /**
   * A browser's keep-alive connection is answered once and closed (application.yml: Reactor Netty 1.3.6 can stop
   * reading a keep-alive connection, and the browser then waits for ever on a page).
   */
  @Test
  void aBrowsersConnectionServesOneRequestAndIsClosed() throws Exception {
    try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
      socket.setSoTimeout(20_000);
      socket.getOutputStream().write(("GET /login HTTP/1.1\r\nHost: localhost\r\nConnection: keep-alive\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(answer).startsWith("HTTP/1.1 200").containsIgnoringCase("connection: close");
    }
  }
}
