package org.fundflow.integrity.contract;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.fundflow.integrity.adapter.in.kafka.InboundMessages;
import org.fundflow.integrity.adapter.out.kafka.IntegrityEventMapper;
import org.fundflow.integrity.domain.CaseFinding;
import org.fundflow.integrity.domain.CaseStatus;
import org.fundflow.integrity.domain.Evidence;
import org.fundflow.integrity.domain.Flag;
import org.fundflow.integrity.domain.Hold;
import org.fundflow.integrity.domain.HoldLiftReason;
import org.fundflow.integrity.domain.IntegrityEvent;
import org.fundflow.integrity.domain.RuleRef;
import org.fundflow.integrity.domain.Severity;
import org.fundflow.integrity.domain.Subject;
import org.fundflow.platform.events.EventReader;
import org.fundflow.platform.outbox.OutboxEvent;
import org.fundflow.platform.outbox.OutboxEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Consumer side: every shared example of an event integrity-check consumes (current, variants and
 * history) deserialises into its message record. Producer side: every event integrity-check
 * publishes, in every shape it can take, validates against its schema.
 */
class EventContractTest {

  static final Map<String, Class<?>> CONSUMED = Map.ofEntries(
      Map.entry("post-subsidy/recovery-opened", InboundMessages.RecoveryOpenedMessage.class),
      Map.entry("post-subsidy/recovery-settled", InboundMessages.RecoverySettledMessage.class),
      Map.entry("project-intake/proposal-submitted", InboundMessages.ProposalSubmittedMessage.class),
      Map.entry("project-intake/voucher-contracted", InboundMessages.VoucherContractedMessage.class),
      Map.entry("project-intake/voucher-redeemed", InboundMessages.VoucherRedeemedMessage.class),
      Map.entry("milestone-review/expert-evaluation-submitted", InboundMessages.ExpertEvaluationSubmittedMessage.class),
      Map.entry("milestone-review/project-terminated", InboundMessages.ProjectTerminatedMessage.class),
      Map.entry("milestone-review/diligence-assessed", InboundMessages.DiligenceAssessedMessage.class),
      Map.entry("post-subsidy/expenditure-claim-submitted", InboundMessages.ExpenditureClaimSubmittedMessage.class),
      Map.entry("post-subsidy/disbursement-created", InboundMessages.DisbursementCreatedMessage.class),
      Map.entry("post-subsidy/disbursement-released", InboundMessages.DisbursementReleasedMessage.class));

  static final EventReader READER = new EventReader(JsonMapper.builder().build(),
      Validation.buildDefaultValidatorFactory().getValidator());

  static Stream<Arguments> consumedExamples() throws Exception {
    List<Arguments> all = new ArrayList<>();
    for (var e : CONSUMED.entrySet()) {
      String producer = e.getKey().substring(0, e.getKey().indexOf('/'));
      String event = e.getKey().substring(e.getKey().indexOf('/') + 1);
      Path dir = Schemas.ROOT.resolve("examples/" + producer);
      try (Stream<Path> files = Files.walk(dir)) {
        files.filter(f -> f.getFileName().toString().startsWith(event + ".v1")).forEach(f ->
            all.add(Arguments.of(Schemas.ROOT.relativize(f).toString(), f, e.getValue())));
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("consumedExamples")
  void everyConsumedExampleDeserialisesIntoOurMessageRecord(String name, Path file, Class<?> type) throws Exception {
    Object message = READER.read(Files.readAllBytes(file), type);
    assertThat(message).isNotNull();
  }

  @Test
  void everyConsumedEventTypeHasExamples() throws Exception {
    assertThat(consumedExamples().map(a -> (Class<?>) a.get()[2]).distinct()).hasSize(CONSUMED.size());
  }

  // ------------------------------------------------------------ published

  static final Instant T = Instant.parse("2026-11-28T08:00:00.123Z");
  static final Subject ORG = Subject.organisation("91120112MNH91HTMX6");
  static final Subject PERSON = Subject.person("2cd8cde1ae29e46dec571475b1154aef51ebfcefa912092e7b4f28b5af6d7bf8");

  final IntegrityEventMapper mapper = new IntegrityEventMapper(
      new OutboxEvents("/fundflow/integrity-check", JsonMapper.builder().build(), Clock.fixed(T, ZoneOffset.UTC)));

  static Stream<Arguments> published() {
    Evidence ev = new Evidence("evt-1", "fundflow.intake.proposal-submitted.v1", "proposal p1 in program g1",
        Map.of("similarity", 0.93, "teamOrganisationCodes", List.of("9112000089F2XW550E"), "fiscalYear", 2026));
    List<Arguments> all = new ArrayList<>();
    for (RuleRef rule : List.of(RuleRef.DUPLICATE_APPLICATION, RuleRef.DISHONESTY_LIST, RuleRef.CONFLICT_OF_INTEREST,
        RuleRef.PROJECT_FAILED, RuleRef.EXPENDITURE_ANOMALY)) {
      for (Subject s : List.of(ORG, PERSON)) {
        all.add(Arguments.of("flag-raised " + rule + " " + s.type(), new IntegrityEvent.FlagRaised(
            new Flag("flag-" + rule.name(), rule, s, Severity.HIGH, List.of(ev), T))));
      }
    }
    all.add(Arguments.of("case-decided CONFIRMED", new IntegrityEvent.CaseDecided("case-1", ORG, CaseStatus.CONFIRMED,
        "forged audit report", List.of("flag-1", "flag-2"), "officer-li", T, CaseFinding.NONE)));
    all.add(Arguments.of("case-decided CONFIRMED misconduct with recovery", new IntegrityEvent.CaseDecided("case-2", ORG,
        CaseStatus.CONFIRMED, "falsified test data", List.of("flag-1"), "officer-li", T,
        new CaseFinding(true, "prj-1", 12_345_67L))));
    all.add(Arguments.of("case-decided DISMISSED", new IntegrityEvent.CaseDecided("case-1", PERSON,
        CaseStatus.DISMISSED, "mistaken identity", List.of("flag-1"), "officer-li", T, null)));
    all.add(Arguments.of("case-decided with evidence files", new IntegrityEvent.CaseDecided("case-2", ORG,
        CaseStatus.CONFIRMED, "forged audit report", List.of("flag-1"), "officer-li", T, CaseFinding.NONE, List.of(
            new org.fundflow.integrity.domain.CaseFile("67bc1f3a9d2e4c5b8a7f6e01", "审计报告.pdf", "application/pdf",
                356_412, "5d41402abc4b2a76b9719d911017c592ae2f1b7e6c5d4a3b2c1d0e9f8a7b6c5d", "officer-li", T),
            new org.fundflow.integrity.domain.CaseFile("67bc1f3a9d2e4c5b8a7f6e02", "photo.png", "image/png", 1_204,
                "0d41402abc4b2a76b9719d911017c592ae2f1b7e6c5d4a3b2c1d0e9f8a7b6c5d", "officer-wang", T)))));
    all.add(Arguments.of("hold-placed by case", new IntegrityEvent.HoldPlaced(Hold.placed("hold-1", ORG, "confirmed",
        "case-1", null, T, T.plusSeconds(86400), "officer-li", T))));
    all.add(Arguments.of("hold-placed by flag", new IntegrityEvent.HoldPlaced(Hold.placed("hold-2", PERSON,
        "on the dishonesty list", null, "flag-9", T, T.plusSeconds(86400), "rule/dishonesty-list/v1", T))));
    all.add(Arguments.of("hold-expiring of a case's hold", new IntegrityEvent.HoldExpiring(Hold.placed("hold-1", ORG,
        "confirmed", "case-1", null, T, T.plusSeconds(86400), "officer-li", T), T)));
    all.add(Arguments.of("hold-expiring of a person's list hold", new IntegrityEvent.HoldExpiring(Hold.placed("hold-2",
        PERSON, "", null, "flag-9", T, T.plusSeconds(86400), "rule/dishonesty-list/v1", T), T)));
    all.add(Arguments.of("hold-lifted by officer", new IntegrityEvent.HoldLifted("hold-1", ORG,
        HoldLiftReason.LIFTED_BY_OFFICER, "rectified", "officer-li", T)));
    all.add(Arguments.of("hold-lifted expired", new IntegrityEvent.HoldLifted("hold-1", ORG, HoldLiftReason.EXPIRED,
        "sanction period ended", null, T)));
    all.add(Arguments.of("hold-lifted case dismissed", new IntegrityEvent.HoldLifted("hold-1", PERSON,
        HoldLiftReason.CASE_DISMISSED, "case case-1 dismissed", "officer-li", T)));
    return all.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("published")
  void everyPublishedEventValidatesAgainstItsSchema(String name, IntegrityEvent event) {
    OutboxEvent out = mapper.toOutbox(event);
    String eventName = out.type().split("\\.")[2];
    assertThat(out.topic()).isEqualTo("integrity.events");
    assertThat(out.key()).isEqualTo(event.subject().id());
    assertThat(out.dataSchema()).isEqualTo("integrity-check/" + eventName + ".v1.schema.json");
    assertThat(Schemas.validate("integrity-check", eventName, out.data())).as(out.data()).isEmpty();
  }

  @Test
  void theValidatorRejectsWhatTheSchemaForbids() {
    String bad = "{\"flagId\":\"f\",\"rule\":{\"name\":\"DUPLICATE_APPLICATION\",\"version\":1},"
        + "\"subject\":{\"type\":\"PERSON\",\"id\":\"120101198004135929\"},\"severity\":\"HIGH\","
        + "\"evidence\":[],\"raisedAt\":\"2026-11-28 08:00\"}";
    assertThat(Schemas.validate("integrity-check", "flag-raised", bad)).hasSizeGreaterThanOrEqualTo(4);
  }
}
