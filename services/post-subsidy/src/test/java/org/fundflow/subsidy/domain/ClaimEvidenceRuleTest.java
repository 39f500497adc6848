package org.fundflow.subsidy.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Claim evidence (issue 15): attached while the claim waits for verification, never after the decision. */
class ClaimEvidenceRuleTest {

  @Test
  void givenASubmittedClaim_thenEvidenceMayBeAttached_andOnceDecidedNot() {
    ExpenditureClaim submitted = ExpenditureClaimTest.claim(2_000_000L, 1_000_000L);
    submitted.requireEvidenceAttachable();

    ExpenditureClaim verified = submitted.verify(ExpenditureClaimTest.THIRTY_PERCENT_OF_THE_INCREASE, 0,
        5_000_000_000L, "fin-1", ExpenditureClaimTest.NOW).next();
    ExpenditureClaim rejected = submitted.reject("no audit", "fin-1", ExpenditureClaimTest.NOW).next();
    for (ExpenditureClaim decided : new ExpenditureClaim[] {verified, rejected}) {
      assertThatThrownBy(decided::requireEvidenceAttachable).isInstanceOfSatisfying(ClaimRefused.class,
          r -> assertThat(r.reason()).isEqualTo(ClaimRefused.Reason.ALREADY_DECIDED));
    }
  }
}
