package org.fundflow.intake.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/**
 * Drives the service through every event it publishes, then reads everything on its two topics
 * and validates each record against its schema in shared-schemas, plus the CloudEvents headers.
 */
class PublishedEventsContractIT extends IntakeIT {

  static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

  static final Set<String> ALL_TYPES = Set.of(
      "fundflow.intake.program-published.v1", "fundflow.intake.program-changed.v1",
      "fundflow.intake.challenge-published.v1", "fundflow.intake.proposal-submitted.v1",
      "fundflow.intake.proposal-withdrawn.v1", "fundflow.intake.proposal-awarded.v1",
      "fundflow.intake.proposal-rejected.v1", "fundflow.intake.proposal-screened.v1");

  final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
  final Map<String, Schema> schemas = new HashMap<>();

  @Test
  void givenEveryKindOfChange_whenPublished_thenEveryEventValidatesAgainstItsSchema() throws Exception {
    String org = ORGS.get(16);
    String general = openProgram("GENERAL", 100_000_000, 10_000_000);
    openProgram("POST_SUBSIDY", 1_000_000_000, 100_000_000);
    // issue 12 point 9: a POST_SUBSIDY program without a cap publishes its rule without the cap field (never 0)
    Map<String, Object> noCapBody = programBody("POST_SUBSIDY", 1_000_000_000, 100_000_000,
        java.time.Instant.now().minusSeconds(86_400), java.time.Instant.now().plusSeconds(86_400));
    noCapBody.put("postSubsidyRule", Map.of("base", "INCREASE",
        "tiers", List.of(Map.of("fromFen", 0, "rateBasisPoints", 3000)), "minimumIncreaseFen", 0));
    String noCap = (String) json(post(manager(), "/programs", noCapBody), HttpStatus.CREATED).get("id");
    json(post(manager(), "/programs/" + noCap + "/open", null), HttpStatus.OK);
    Map<String, String> noCapRules = new java.util.concurrent.ConcurrentHashMap<>();
    // the challenge program goes through the expert review (立项评审, on by default): proposal-screened is published
    Map<String, Object> reviewed = programBody("CHALLENGE", 100_000_000, 50_000_000,
        java.time.Instant.now().minusSeconds(86_400), java.time.Instant.now().plusSeconds(30 * 86_400));
    reviewed.remove("expertReview");
    String challengeProgram = (String) json(post(manager(), "/programs", reviewed), HttpStatus.CREATED).get("id");
    json(post(manager(), "/programs/" + challengeProgram + "/open", null), HttpStatus.OK);
    String challenge = (String) json(post(manager(), "/programs/" + challengeProgram + "/challenges", Map.of(
        "postingOrganisationCode", ORGS.get(18), "postingOrganisationName", "天津某企业", "title", "高效催化剂",
        "problem", "降低能耗", "targetIndicators", List.of("能耗降低30%"), "maxFundingFen", 20_000_000,
        "deadlineDate", "2027-12-31")), HttpStatus.CREATED).get("id");

    String awarded = underReview(general, org, 2_000_000);
    json(post(manager(), "/proposals/" + awarded + "/award", Map.of("amountFen", 2_000_000)), HttpStatus.OK);
    String withdrawn = submitted(general, org, 1_000_000);
    json(post(applicant(org), "/proposals/" + withdrawn + "/withdraw", null), HttpStatus.OK);
    String rejected = submitted(general, org, 1_000_000);
    json(post(manager(), "/proposals/" + rejected + "/reject", Map.of("reason", "重复申报")), HttpStatus.OK);

    Map<String, Object> body = proposalBody(challengeProgram, org, 20_000_000, PEOPLE.get(4));
    body.put("challengeId", challenge);
    body.put("milestones", List.of(
        Map.of("sequence", 1, "title", "样品", "deliverables", List.of("样品"), "dueDate", "2027-06-30", "tranchePercent", 40),
        Map.of("sequence", 2, "title", "验收", "deliverables", List.of("验收报告"), "dueDate", "2028-12-31", "tranchePercent", 60)));
    String challengeProposal = draft(body, org);
    json(submit(org, challengeProposal, "k-" + challengeProposal, pledge()), HttpStatus.OK);
    json(post(manager(), "/proposals/" + challengeProposal + "/screen", null), HttpStatus.OK);
    json(post(manager(), "/proposals/" + challengeProposal + "/review", null), HttpStatus.OK);
    ExpertReviewIT.publishReviewed(java.util.UUID.randomUUID().toString(), challengeProposal, challengeProgram, org, "88.00");
    await().atMost(Duration.ofSeconds(30)).until(() -> post(manager(), "/proposals/" + challengeProposal + "/award",
        Map.of("amountFen", 20_000_000)).returnResult(String.class).getStatus().value() == 200);
    json(post(manager(), "/programs/" + general + "/close", null), HttpStatus.OK);

    Map<String, Integer> validated = new LinkedHashMap<>();
    Set<String> failures = new TreeSet<>();
    try (KafkaConsumer<String, byte[]> consumer = consumer("intake.program-events", "intake.proposal-events")) {
      await().atMost(Duration.ofSeconds(40)).until(() -> {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(300))) {
          String type = header(r, "ce_type");
          String json = new String(r.value(), StandardCharsets.UTF_8);
          List<Error> errors = schemaFor(type).validate(json, InputFormat.JSON);
          errors.forEach(e -> failures.add(type + ": " + e));
          if (!"/fundflow/project-intake".equals(header(r, "ce_source")) || header(r, "ce_id") == null
              || header(r, "ce_time") == null || header(r, "ce_correlationid") == null
              || !("project-intake/" + type.split("\\.")[2] + ".v1.schema.json").equals(header(r, "ce_dataschema"))) {
            failures.add(type + ": bad CloudEvents headers");
          }
          validated.merge(type, 1, Integer::sum);
          if (noCap.equals(r.key()) && type.endsWith("program-published.v1")) {
            noCapRules.put(type, JSON.readTree(json).get("postSubsidyRule").toString());
          }
        }
        return validated.keySet().containsAll(ALL_TYPES) && !noCapRules.isEmpty();
      });
    }
    System.out.println("[contract] validated events by type: " + validated);
    assertThat(failures).isEmpty();
    assertThat(noCapRules.values()).singleElement().satisfies(rule -> assertThat(rule)
        .contains("\"base\":\"INCREASE\"").doesNotContain("capPerOrganisationPerYearFen"));
  }

  Schema schemaFor(String type) {
    return schemas.computeIfAbsent(type, t -> {
      String event = t.split("\\.")[2];
      String path = "/schemas/project-intake/" + event + ".v1.schema.json";
      InputStream in = getClass().getResourceAsStream(path);
      assertThat(in).as("schema " + path).isNotNull();
      return registry.getSchema(in);
    });
  }
}
