package org.fundflow.subsidy.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.fundflow.platform.domain.Change;
import org.fundflow.subsidy.adapter.out.kafka.IntegrationEvents;
import org.fundflow.subsidy.domain.ClaimEvent;
import org.fundflow.subsidy.domain.Disbursement;
import org.fundflow.subsidy.domain.EvidenceFile;
import org.fundflow.subsidy.domain.DisbursementEvent;
import org.fundflow.subsidy.domain.ExpenditureClaim;
import org.fundflow.subsidy.domain.Payee;
import org.fundflow.subsidy.domain.SubsidyRule;
import org.fundflow.subsidy.domain.Trigger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Producer side: every event this service publishes validates against its shared schema. */
class PublishedEventsMatchSchemasTest {

  static final Instant NOW = Instant.parse("2027-02-26T02:30:00Z");
  static final String ORG = "91120112MNH91HTMX6";

  static Stream<Arguments> events() {
    return Stream.concat(
        disbursementEvents().stream().map(e -> Arguments.of(IntegrationEvents.typeOf(e), IntegrationEvents.data(e))),
        Stream.concat(
            claimEvents().stream().map(e -> Arguments.of(IntegrationEvents.typeOf(e), IntegrationEvents.data(e))),
            Stream.of(org.fundflow.subsidy.domain.AwardRemainder.of("prj-1", "prg-1", ORG, 280_000_000L, 84_000_000L,
                    "evt-t", NOW), org.fundflow.subsidy.domain.AwardRemainder.of("prj-2", "prg-1", ORG, 1_000L,
                    0L, "evt-u", NOW))
                .map(r -> Arguments.of(IntegrationEvents.data(r).type(), IntegrationEvents.data(r)))));
  }

  /** One of each disbursement event, with and without the optional fields. */
  static List<DisbursementEvent> disbursementEvents() {
    Payee payee = new Payee("天津津南先进材料研究院", "中国工商银行天津津南支行", "0302 0912 0930 0003 071");
    Disbursement tranche = Disbursement.create(Trigger.tranche("prj-1", "ms-1", "evt-1"), "prg-1", "prj-1", null, ORG,
        3_300_000, "tranche", null, "event:x", NOW).next();
    Disbursement subsidy = Disbursement.create(Trigger.postSubsidy("clm-1", "evt-2"), "prg-2", null, "clm-1", ORG,
        96_000_000, "increase ...", null, "event:x", NOW).next();
    Disbursement prepared = tranche.prepare(payee, "alice", NOW).next();
    List<DisbursementEvent> all = new java.util.ArrayList<>();
    all.addAll(Disbursement.create(Trigger.advance("prj-9", "evt-3"), "prg-1", "prj-9", null, ORG, 6_000_000, "adv",
        "hold-1", "event:x", NOW).events());
    all.addAll(Disbursement.create(Trigger.postSubsidy("clm-1", "evt-2"), "prg-2", null, "clm-1", ORG, 96_000_000,
        "increase ...", null, "event:x", NOW).events());
    all.addAll(tranche.prepare(payee, "alice", NOW).events());
    all.addAll(subsidy.prepare(payee, "alice", NOW).events());
    all.addAll(prepared.release("bob", "JNKJ-2027-000214", "key-1", NOW).events());
    all.addAll(subsidy.prepare(payee, "alice", NOW).next().release("bob", "JNKJ-2027-000215", "key-2", NOW).events());
    all.addAll(tranche.cancel("project terminated: failed final milestone", "event:x", NOW).events());
    all.addAll(prepared.hold("hold-2", "event:x", NOW).events());
    return all;
  }

  /** One of each claim event, with and without the optional fields. */
  static List<ClaimEvent> claimEvents() {
    Change<ExpenditureClaim, ClaimEvent> submitted = ExpenditureClaim.submit("prg-2", ORG, "天津某科技有限公司", 2026,
        1_000_000_000, 680_000_000, "津审字(2027)第0012号", "applicant", NOW);
    ExpenditureClaim claim = submitted.next();
    SubsidyRule rule = new SubsidyRule(SubsidyRule.Base.INCREASE, List.of(new SubsidyRule.Tier(0, 3000)), 100_000_000L,
        0);
    List<ClaimEvent> events = new java.util.ArrayList<>(submitted.events());
    events.addAll(claim.verify(rule, 0, 410_000_000, "officer", NOW).events());
    events.addAll(claim.reject("audit report does not cover R&D", "officer", NOW).events());
    List<EvidenceFile> files = List.of(new EvidenceFile("6852b1e07c3a4f2d8e9b0c14", "2026年度研发费用专项审计报告.pdf",
        "application/pdf", 2_417_733, "3f6c2a9e8d17b45c0a9e1f2d3c4b5a69788796a5b4c3d2e1f0a9b8c7d6e5f4a3", "applicant",
        NOW.minusSeconds(3600)), new EvidenceFile("6852b2417c3a4f2d8e9b0c15", "纳税申报表.xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", 18_220,
        "a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90", "applicant", NOW.minusSeconds(1800)));
    events.addAll(claim.verify(rule, 0, 410_000_000, "officer", NOW, files).events());
    events.addAll(claim.reject("the tax form is of another year", "officer", NOW, files).events());
    return events;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("events")
  void validatesAgainstItsSchema(String type, IntegrationEvents.Message data) {
    String event = type.replace("fundflow.subsidy.", "").replace(".v1", "");
    String json = Contracts.JSON.writeValueAsString(data);
    assertThat(Contracts.validate("post-subsidy", event, json)).as(json).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void theValidatorDoesRejectAnEventWithoutItsRequiredFields() {
    assertThat(Contracts.validate("post-subsidy", "disbursement-released",
        "{\"disbursementId\":\"d\",\"amountFen\":1.5}")).isNotEmpty();
  }
}
