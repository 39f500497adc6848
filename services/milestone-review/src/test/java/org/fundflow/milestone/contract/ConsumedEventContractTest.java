package org.fundflow.milestone.contract;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.fundflow.milestone.adapter.in.kafka.HoldMessage;
import org.fundflow.milestone.adapter.in.kafka.IntegrationEventHandlers;
import org.fundflow.milestone.adapter.in.kafka.ProposalAwardedMessage;
import org.fundflow.milestone.domain.Award;
import org.fundflow.milestone.domain.Project;
import org.fundflow.milestone.domain.ProgramKind;
import org.fundflow.platform.events.EventReader;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every example of an event this service consumes (current, history, variants) in shared-schemas
 * deserialises into this service's own message record, through the same reader as the consumer.
 */
class ConsumedEventContractTest {

  static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();
  static final EventReader READER = new EventReader(JsonMapper.builder().build(), VALIDATOR);

  static List<Resource> examples(String producer, String event) throws IOException {
    Resource[] found = new PathMatchingResourcePatternResolver()
        .getResources("classpath*:examples/" + producer + "/**/" + event + ".v1*.json");
    assertThat(found).as("examples of " + event).isNotEmpty();
    return Arrays.asList(found);
  }

  @Test
  void everyProposalAwardedExampleOpensAProject() throws IOException {
    List<Resource> examples = examples("project-intake", "proposal-awarded");
    assertThat(examples).hasSizeGreaterThanOrEqualTo(2);
    for (Resource example : examples) {
      ProposalAwardedMessage message = READER.read(example.getContentAsByteArray(), ProposalAwardedMessage.class);
      Award award = IntegrationEventHandlers.toAward(message);
      Project project = Project.open(award, Set.of());

      assertThat(project.id()).as(example.getFilename()).isEqualTo(message.projectId());
      assertThat(project.awardedAmountFen()).isEqualTo(message.awardedAmountFen());
      assertThat(project.milestones()).isNotEmpty();
      assertThat(project.teamOrganisationCodes()).doesNotContain(project.organisationCode());
      if (award.programKind() == ProgramKind.GENERAL) {
        assertThat(project.milestones()).singleElement()
            .satisfies(m -> assertThat(m.tranchePercent()).isEqualTo(100));
      } else {
        assertThat(project.milestones().stream().mapToInt(m -> m.tranchePercent()).sum()).isEqualTo(100);
      }
    }
  }

  @Test
  void everyHoldExampleDeserialises() throws IOException {
    for (String event : List.of("hold-placed", "hold-lifted")) {
      for (Resource example : examples("integrity-check", event)) {
        HoldMessage hold = READER.read(example.getContentAsByteArray(), HoldMessage.class);
        assertThat(hold.holdId()).isNotBlank();
        assertThat(hold.subject().type()).isIn("ORGANISATION", "PERSON");
        assertThat(hold.subject().id()).isNotBlank();
      }
    }
  }
}
