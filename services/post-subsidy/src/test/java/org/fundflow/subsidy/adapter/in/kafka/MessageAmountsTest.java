package org.fundflow.subsidy.adapter.in.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.List;
import org.fundflow.subsidy.domain.Money;
import org.junit.jupiter.api.Test;

/** An amount above {@link Money#MAX_FEN} in a consumed event makes the event malformed (it goes to the DLQ). */
class MessageAmountsTest {

  static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

  static List<String> violations(Object message) {
    return VALIDATOR.validate(message).stream().map(ConstraintViolation::getPropertyPath).map(Object::toString).toList();
  }

  @Test
  void givenAmountsAboveTheMaximum_whenValidated_thenEachIsAViolation() {
    assertThat(violations(new Messages.ProjectCompletedMessage("prj-1", "prg-1", "GENERAL", "91120112MNH91HTMX6",
        Money.MAX_FEN + 1))).containsExactly("awardedAmountFen");
    assertThat(violations(new Messages.ProgramMessage("prg-1", "POST_SUBSIDY", "p", Long.MAX_VALUE, null,
        new Messages.Rule("INCREASE", List.of(new Messages.Tier(Money.MAX_FEN + 1, 3000)), Money.MAX_FEN + 1, 0L), 1L)))
        .containsExactlyInAnyOrder("budgetFen", "postSubsidyRule.tiers[0].fromFen",
            "postSubsidyRule.capPerOrganisationPerYearFen");
  }

  /** Issue 12 point 9: no cap = the field left out (or null); 0 is malformed, never read as "no cap". */
  @Test
  void givenAProgramEventWithoutACap_whenRead_thenTheRuleIsUncappedAndACapOfZeroIsAViolation() {
    Messages.ProgramMessage noCap = new Messages.ProgramMessage("prg-1", "POST_SUBSIDY", "p", 1_000_000L, null,
        new Messages.Rule("INCREASE", List.of(new Messages.Tier(0L, 3000)), null, 0L), 1L);
    assertThat(violations(noCap)).isEmpty();
    assertThat(EventConsumers.program(noCap).postSubsidyRule().capped()).isFalse();

    Messages.ProgramMessage zero = new Messages.ProgramMessage("prg-1", "POST_SUBSIDY", "p", 1_000_000L, null,
        new Messages.Rule("INCREASE", List.of(new Messages.Tier(0L, 3000)), 0L, 0L), 1L);
    assertThat(violations(zero)).containsExactly("postSubsidyRule.capPerOrganisationPerYearFen");

    Messages.ProgramMessage capped = new Messages.ProgramMessage("prg-1", "POST_SUBSIDY", "p", 1_000_000L, null,
        new Messages.Rule("INCREASE", List.of(new Messages.Tier(0L, 3000)), 500L, 0L), 1L);
    assertThat(EventConsumers.program(capped).postSubsidyRule().capPerOrganisationPerYearFen()).isEqualTo(500L);
  }

  @Test
  void givenAmountsAtTheMaximum_whenValidated_thenNone() {
    assertThat(violations(new Messages.ProjectCompletedMessage("prj-1", "prg-1", "GENERAL", "91120112MNH91HTMX6",
        Money.MAX_FEN))).isEmpty();
  }
}
