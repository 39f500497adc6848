package org.fundflow.integrity.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fundflow.integrity.contract.Schemas;
import org.fundflow.integrity.it.IntegrityKafka.Published;
import org.fundflow.platform.test.FundflowTestInfrastructure;
import org.fundflow.platform.test.MovableClock;
import org.fundflow.platform.test.TestJwts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * A hold ends by itself at its end date: the sweep (every 200 ms here, configurable) emits
 * hold-expiring once while the end is within the lead time, and hold-lifted with reason EXPIRED once the injected
 * clock passes the end — nobody calls anything.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "fundflow.integrity.hold-sweep-interval=200ms")
@ContextConfiguration(initializers = FundflowTestInfrastructure.class)
class HoldExpiryIT {

  @TestConfiguration
  static class Clocks {
    @Bean
    MovableClock clock() {
      return new MovableClock(Instant.now());
    }
  }

  static IntegrityKafka kafka;

  @Autowired MovableClock clock;
  @LocalServerPort int port;

  @BeforeAll
  static void kafka() {
    kafka = new IntegrityKafka();
  }

  @AfterAll
  static void close() {
    kafka.close();
  }

  @Test
  void aHoldFromTheDishonestyListEndsByItselfAtTheEndOfTheSanction() {
    String org = "92110108EF3LH7EF5W";
    ZoneId shanghai = ZoneId.of("Asia/Shanghai");
    LocalDate today = clock.instant().atZone(shanghai).toLocalDate();
    WebTestClient web = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
        .responseTimeout(Duration.ofSeconds(30)).build();
    web.post().uri("/dishonesty-list/imports")
        .headers(h -> h.setBearerAuth(TestJwts.token("officer-li", "INTEGRITY_OFFICER")))
        .contentType(MediaType.parseMediaType("text/csv"))
        .bodyValue("partyType,partyId,partyName,misconduct,sanction,authority,legalBasis,effectiveDate,endDate\n"
            + "ORGANISATION," + org + ",天津某电子有限公司,伪造验收材料,一年内不得申报科技计划项目,天津市科学技术局,"
            + "《天津市科研诚信管理办法》,2025-01-01," + today + "\n")
        .exchange().expectStatus().isOk().expectBody().jsonPath("$.imported").isEqualTo(1);

    Map<String, Object> created = new HashMap<>();
    created.put("disbursementId", "dsb-exp-1");
    created.put("trigger", Map.of("kind", "ADVANCE", "eventId", "evt-award-1", "reference", "prj-exp-1"));
    created.put("programId", "prg-A");
    created.put("projectId", "prj-exp-1");
    created.put("organisationCode", org);
    created.put("amountFen", 30_000_000L);
    created.put("explanation", "60 % advance of 500,000.00 CNY");
    created.put("createdAt", clock.instant().toString());
    kafka.send("subsidy.disbursement-events", "prj-exp-1", "fundflow.subsidy.disbursement-created.v1",
        IntegrityKafka.JSON.writeValueAsString(created));

    Published placed = await().atMost(Duration.ofSeconds(30))
        .until(() -> kafka.find(IntegrityKafka.of("fundflow.integrity.hold-placed.v1", org)), l -> !l.isEmpty()).get(0);
    Instant endsAt = Instant.parse(placed.data().get("endsAt").asString());
    assertThat(endsAt).isEqualTo(today.plusDays(1).atStartOfDay(shanghai).toInstant());
    assertThat(kafka.find(IntegrityKafka.of("fundflow.integrity.hold-lifted.v1", org))).isEmpty();

    // issue 16: it ends within the lead time (3 days by default), so the sweep announces it to the officers, once
    Published expiring = await().atMost(Duration.ofSeconds(30))
        .until(() -> kafka.find(IntegrityKafka.of("fundflow.integrity.hold-expiring.v1", org)), l -> !l.isEmpty())
        .get(0);
    assertThat(Schemas.validate("integrity-check", "hold-expiring", expiring.json())).isEmpty();
    assertThat(expiring.data().get("holdId").asString()).isEqualTo(placed.data().get("holdId").asString());
    assertThat(Instant.parse(expiring.data().get("endsAt").asString())).isEqualTo(endsAt);
    assertThat(Instant.parse(expiring.data().get("announcedAt").asString())).isBefore(endsAt);

    clock.set(endsAt.plusSeconds(1));
    Instant moved = Instant.now();

    Published lifted = await().atMost(Duration.ofSeconds(15))
        .until(() -> kafka.find(IntegrityKafka.of("fundflow.integrity.hold-lifted.v1", org)), l -> !l.isEmpty()).get(0);
    System.out.printf("[integrity] hold-lifted EXPIRED read %d ms after the clock passed the end%n",
        Duration.between(moved, lifted.readAt()).toMillis());
    assertThat(Schemas.validate("integrity-check", "hold-lifted", lifted.json())).isEmpty();
    assertThat(lifted.data().get("reason").asString()).isEqualTo("EXPIRED");
    assertThat(lifted.data().get("holdId").asString()).isEqualTo(placed.data().get("holdId").asString());
    assertThat(lifted.data().has("liftedBy")).isFalse();
    assertThat(Instant.parse(lifted.data().get("liftedAt").asString())).isAfterOrEqualTo(endsAt);

    JsonNode record = web.get().uri("/integrity-records/organisations/{c}", org)
        .headers(h -> h.setBearerAuth(TestJwts.token("auditor-zhou", "AUDITOR"))).exchange()
        .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    assertThat(record.get("onHold").asBoolean()).isFalse();
    assertThat(record.at("/holds/0/liftReason").asString()).isEqualTo("EXPIRED");
    assertThat(kafka.find(IntegrityKafka.of("fundflow.integrity.hold-lifted.v1", org))).hasSize(1);
    assertThat(kafka.find(IntegrityKafka.of("fundflow.integrity.hold-expiring.v1", org))).hasSize(1);
    assertThat(List.of(record.at("/flags/0/rule/code").asString())).containsExactly("DISHONESTY_LIST");
  }
}
