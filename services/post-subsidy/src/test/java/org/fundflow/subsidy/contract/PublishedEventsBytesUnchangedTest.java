package org.fundflow.subsidy.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.fundflow.subsidy.adapter.out.kafka.IntegrationEvents;
import org.fundflow.subsidy.domain.ClaimEvent;
import org.fundflow.subsidy.domain.Disbursement;
import org.fundflow.subsidy.domain.DisbursementEvent;
import org.fundflow.subsidy.domain.ExpenditureClaim;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The typed messages (issue 13 point 4) publish the very bytes the former map payloads did: the map building that
 * they replaced is kept here as the oracle, over every event of {@link PublishedEventsMatchSchemasTest}.
 */
class PublishedEventsBytesUnchangedTest {

  static Stream<Arguments> events() {
    return Stream.concat(
        PublishedEventsMatchSchemasTest.disbursementEvents().stream()
            .filter(e -> !(e instanceof DisbursementEvent.Prepared)) // issue 16: a new event, no former bytes
            .map(e -> Arguments.of(IntegrationEvents.typeOf(e), IntegrationEvents.data(e), legacy(e))),
        PublishedEventsMatchSchemasTest.claimEvents().stream()
            .map(e -> Arguments.of(IntegrationEvents.typeOf(e), IntegrationEvents.data(e), legacy(e))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("events")
  void givenAnEvent_whenSerialised_thenTheJsonIsByteForByteTheFormerOne(String type, IntegrationEvents.Message message,
      Map<String, Object> former) {
    assertThat(Contracts.JSON.writeValueAsString(message)).isEqualTo(Contracts.JSON.writeValueAsString(former));
  }

  @Test
  void givenTheEvents_whenTyped_thenEveryTypeIsTheOneOfItsRecord() {
    assertThat(events().map(a -> a.get()[0])).contains(IntegrationEvents.DISBURSEMENT_CREATED,
        IntegrationEvents.DISBURSEMENT_HELD, IntegrationEvents.DISBURSEMENT_RELEASED,
        IntegrationEvents.DISBURSEMENT_CANCELLED, IntegrationEvents.CLAIM_SUBMITTED, IntegrationEvents.CLAIM_VERIFIED);
  }

  static Map<String, Object> legacy(DisbursementEvent e) {
    Disbursement d = e.disbursement();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("disbursementId", d.id());
    if (e instanceof DisbursementEvent.Created c) {
        Map<String, Object> trigger = new LinkedHashMap<>();
        trigger.put("kind", d.trigger().kind().name());
        put(trigger, "eventId", d.trigger().eventId());
        trigger.put("reference", d.trigger().reference());
        m.put("trigger", trigger);
        m.put("programId", d.programId());
        put(m, "projectId", d.projectId());
        put(m, "claimId", d.claimId());
        m.put("organisationCode", d.organisationCode());
        m.put("amountFen", d.amountFen());
        m.put("explanation", d.explanation());
        m.put("createdAt", time(c.at()));
    } else if (e instanceof DisbursementEvent.Held h) {
        m.put("programId", d.programId());
        m.put("organisationCode", d.organisationCode());
        m.put("holdId", h.holdId());
        m.put("heldAt", time(h.at()));
    } else if (e instanceof DisbursementEvent.Released r) {
        m.put("programId", d.programId());
        put(m, "projectId", d.projectId());
        m.put("organisationCode", d.organisationCode());
        m.put("amountFen", d.amountFen());
        Map<String, Object> payee = new LinkedHashMap<>();
        payee.put("name", d.payee().name());
        payee.put("bank", d.payee().bank());
        payee.put("accountNumberMasked", d.payee().accountNumberMasked());
        m.put("payee", payee);
        m.put("paymentReference", d.paymentReference());
        m.put("preparedBy", d.preparedBy());
        m.put("releasedBy", d.releasedBy());
        m.put("releasedAt", time(r.at()));
    } else if (e instanceof DisbursementEvent.Cancelled x) {
        m.put("programId", d.programId());
        put(m, "projectId", d.projectId());
        m.put("organisationCode", d.organisationCode());
        m.put("amountFen", d.amountFen());
        m.put("reason", x.reason());
        m.put("cancelledAt", time(x.at()));
    }
    return m;
  }

  static Map<String, Object> legacy(ClaimEvent e) {
    ExpenditureClaim c = e.claim();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("claimId", c.id());
    m.put("programId", c.programId());
    m.put("organisationCode", c.organisationCode());
    if (e instanceof ClaimEvent.Submitted s) {
        put(m, "organisationName", c.organisationName());
        m.put("fiscalYear", c.fiscalYear());
        m.put("expenditureThisYearFen", c.expenditureThisYearFen());
        m.put("expenditureLastYearFen", c.expenditureLastYearFen());
        m.put("auditReportReference", c.auditReportReference());
        m.put("submittedAt", time(s.at()));
    } else if (e instanceof ClaimEvent.Verified v) {
        m.put("fiscalYear", c.fiscalYear());
        m.put("outcome", c.status().name());
        put(m, "reason", c.reason());
        m.put("subsidyFen", c.subsidyFen());
        m.put("explanation", c.explanation());
        m.put("verifiedBy", c.verifiedBy());
        m.put("verifiedAt", time(v.at()));
        // added by issue 15 point 4 (additive: the former bytes plus this field)
        m.put("evidenceFiles", v.evidenceFiles().stream().map(f -> {
          Map<String, Object> file = new LinkedHashMap<>();
          file.put("fileId", f.fileId());
          file.put("name", f.name());
          file.put("mediaType", f.mediaType());
          file.put("sizeBytes", f.sizeBytes());
          file.put("sha256", f.sha256());
          put(file, "uploadedBy", f.uploadedBy());
          if (f.uploadedAt() != null) {
            file.put("uploadedAt", time(f.uploadedAt()));
          }
          return file;
        }).toList());
    }
    return m;
  }

  private static void put(Map<String, Object> m, String key, Object value) {
    if (value != null) {
      m.put(key, value);
    }
  }

  private static String time(Instant t) {
    return t.toString();
  }
}
