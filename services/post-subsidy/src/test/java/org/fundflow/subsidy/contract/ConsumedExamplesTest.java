package org.fundflow.subsidy.contract;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.fundflow.platform.events.EventReader;
import org.fundflow.subsidy.adapter.in.kafka.EventConsumersContract;
import org.fundflow.subsidy.adapter.in.kafka.Messages;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

/** Consumer side: every shared example of an event this service consumes reads into its own message record. */
class ConsumedExamplesTest {

  static final EventReader READER = new EventReader(JsonMapper.builder().build(),
      Validation.buildDefaultValidatorFactory().getValidator());

  static Stream<Arguments> examples() {
    return Stream.of(
        Arguments.of("project-intake/program-published.v1.json", Messages.ProgramMessage.class),
        Arguments.of("project-intake/variants/program-published.v1-general.json", Messages.ProgramMessage.class),
        Arguments.of("project-intake/variants/program-published.v1-post-subsidy.json", Messages.ProgramMessage.class),
        Arguments.of("project-intake/variants/program-published.v1-post-subsidy-no-cap.json", Messages.ProgramMessage.class),
        Arguments.of("project-intake/program-changed.v1.json", Messages.ProgramMessage.class),
        Arguments.of("project-intake/proposal-awarded.v1.json", Messages.ProposalAwardedMessage.class),
        Arguments.of("project-intake/variants/proposal-awarded.v1-general.json", Messages.ProposalAwardedMessage.class),
        Arguments.of("milestone-review/milestone-accepted.v1.json", Messages.MilestoneAcceptedMessage.class),
        Arguments.of("milestone-review/project-completed.v1.json", Messages.ProjectCompletedMessage.class),
        Arguments.of("milestone-review/project-terminated.v1.json", Messages.ProjectTerminatedMessage.class),
        Arguments.of("milestone-review/history/project-terminated.v1-1.json", Messages.ProjectTerminatedMessage.class),
        Arguments.of("milestone-review/project-suspended.v1.json", Messages.ProjectSuspensionMessage.class),
        Arguments.of("milestone-review/project-resumed.v1.json", Messages.ProjectSuspensionMessage.class),
        Arguments.of("integrity-check/hold-placed.v1.json", Messages.HoldPlacedMessage.class),
        Arguments.of("integrity-check/hold-lifted.v1.json", Messages.HoldLiftedMessage.class),
        Arguments.of("integrity-check/history/hold-lifted.v1-1.json", Messages.HoldLiftedMessage.class),
        Arguments.of("integrity-check/case-decided.v1.json", Messages.CaseDecidedMessage.class),
        Arguments.of("integrity-check/variants/case-decided.v1-misconduct-recovery.json", Messages.CaseDecidedMessage.class),
        Arguments.of("post-subsidy/expenditure-claim-verified.v1.json", Messages.ClaimVerifiedMessage.class),
        // issue 18 point 3: REWARD programs and verified reward claims
        Arguments.of("project-intake/variants/program-published.v1-reward.json", Messages.ProgramMessage.class),
        Arguments.of("project-intake/reward-claim-verified.v1.json",
            org.fundflow.subsidy.adapter.in.kafka.RewardMessages.RewardClaimVerifiedMessage.class),
        // issue 18 point 1: VOUCHER programs and redeemed vouchers
        Arguments.of("project-intake/variants/program-published.v1-voucher.json", Messages.ProgramMessage.class),
        Arguments.of("project-intake/voucher-redeemed.v1.json", Messages.VoucherRedeemedMessage.class));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void deserialisesIntoTheMessageRecord(String file, Class<?> type) {
    Path path = Contracts.example(file);
    Object message = READER.read(Contracts.bytes(path), type);
    assertThat(message).isNotNull();
    if (message instanceof Messages.ProgramMessage program) {
      // and the domain accepts it (split adds up, rule is well-formed)
      var copy = EventConsumersContract.program(program);
      assertThat(copy.programId()).isEqualTo(program.programId());
      if (file.endsWith("-no-cap.json")) {
        assertThat(copy.postSubsidyRule().capped()).as("no cap field = no cap").isFalse();
      }
    }
  }
}
