package org.fundflow.intake.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import java.io.IOException;
import java.io.InputStream;
import org.fundflow.intake.adapter.in.kafka.IntegrityEventsConsumer.HoldLiftedMessage;
import org.fundflow.intake.adapter.in.kafka.IntegrityEventsConsumer.HoldPlacedMessage;
import org.fundflow.intake.domain.HoldSubject;
import org.fundflow.platform.events.EventReader;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Every example of an event intake consumes deserialises into intake's own message record. */
class ConsumedEventsContractTest {

  final EventReader reader = new EventReader(new JsonMapper(), Validation.buildDefaultValidatorFactory().getValidator());

  @Test
  void givenHoldPlacedExample_whenRead_thenIntakeRecordIsComplete() throws IOException {
    HoldPlacedMessage m = reader.read(example("hold-placed.v1.json"), HoldPlacedMessage.class);
    assertThat(m.subject().type()).isEqualTo(HoldSubject.ORGANISATION);
    assertThat(m.endsAt()).isNotNull();
  }

  @Test
  void givenHoldLiftedExample_whenRead_thenIntakeRecordIsComplete() throws IOException {
    HoldLiftedMessage m = reader.read(example("hold-lifted.v1.json"), HoldLiftedMessage.class);
    assertThat(m.holdId()).isNotBlank();
    assertThat(m.liftedAt()).isNotNull();
  }

  @Test
  void givenAwardRemainderReleasedExample_whenRead_thenIntakeRecordIsComplete() throws IOException {
    byte[] json;
    try (InputStream in = getClass().getResourceAsStream("/examples/post-subsidy/award-remainder-released.v1.json")) {
      assertThat(in).isNotNull();
      json = in.readAllBytes();
    }
    var m = reader.read(json,
        org.fundflow.intake.adapter.in.kafka.DisbursementEventsConsumer.AwardRemainderReleasedMessage.class);
    assertThat(m.projectId()).isNotBlank();
    assertThat(m.programId()).isNotBlank();
    assertThat(m.remainderFen()).isEqualTo(196_000_000L);
  }

  @Test
  void givenProposalReviewedExample_whenRead_thenIntakeRecordIsComplete() throws IOException {
    byte[] json;
    try (InputStream in = getClass().getResourceAsStream("/examples/milestone-review/proposal-reviewed.v1.json")) {
      assertThat(in).isNotNull();
      json = in.readAllBytes();
    }
    var m = reader.read(json,
        org.fundflow.intake.adapter.in.kafka.ProjectEventsConsumer.ProposalReviewedMessage.class);
    assertThat(m.proposalId()).isNotBlank();
    assertThat(m.score()).isEqualTo("81.33");
    assertThat(m.panelSize()).isEqualTo(5);
    assertThat(new org.fundflow.intake.domain.ReviewResult(m.proposalId(), m.programId(), m.score(), m.totalsUsed(),
        m.totalsDropped(), m.explanation(), m.panelSize(), m.reviewedAt()).scoreValue())
        .isEqualByComparingTo("81.33");
  }

  private byte[] example(String name) throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/examples/integrity-check/" + name)) {
      assertThat(in).as(name).isNotNull();
      return in.readAllBytes();
    }
  }
}
