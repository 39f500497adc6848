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

  @Test
  void givenAmountsAtTheMaximum_whenValidated_thenNone() {
    assertThat(violations(new Messages.ProjectCompletedMessage("prj-1", "prg-1", "GENERAL", "91120112MNH91HTMX6",
        Money.MAX_FEN))).isEmpty();
  }
}
