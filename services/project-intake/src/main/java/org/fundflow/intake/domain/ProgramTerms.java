package org.fundflow.intake.domain;

import org.fundflow.intake.domain.voucher.VoucherRule;

/**
 * What a program manager sets: name, kind, total budget, per-project cap, call window, the kind's own settings
 * (split for GENERAL, subsidy rule for POST_SUBSIDY, reward table for REWARD, voucher rule for VOUCHER; the others are
 * null) and whether proposals need an expert review before award with its rubric ({@code expertReview}; left out:
 * {@link ExpertReview#defaultFor the kind's default}).
 *
 * <p>The components stay flat (one nullable component per kind) because a program is stored as this record:
 * {@code terms.fundingSplit}, {@code terms.postSubsidyRule}, {@code terms.rewardTable}, {@code terms.voucherRule}.
 * Code that builds the terms of one kind uses the 7-argument constructor (GENERAL, CHALLENGE, POST_SUBSIDY) or
 * {@link #reward} / {@link #voucher}; only the API's request body, which may carry anything, uses the canonical one.
 */
public record ProgramTerms(String name, ProgramKind kind, long budgetFen, long perProjectCapFen, CallWindow callWindow,
    FundingSplit fundingSplit, PostSubsidyRule postSubsidyRule, RewardTable rewardTable, VoucherRule voucherRule,
    ExpertReview expertReview) {

  /** Terms of a kind without a reward table or voucher rule (GENERAL, CHALLENGE, POST_SUBSIDY), with the kind's default expert review. */
  public ProgramTerms(String name, ProgramKind kind, long budgetFen, long perProjectCapFen, CallWindow callWindow,
      FundingSplit fundingSplit, PostSubsidyRule postSubsidyRule) {
    this(name, kind, budgetFen, perProjectCapFen, callWindow, fundingSplit, postSubsidyRule, null, null, null);
  }

  /** The terms of a REWARD program (奖励类). */
  public static ProgramTerms reward(String name, long budgetFen, long perProjectCapFen, CallWindow callWindow,
      RewardTable rewardTable) {
    return new ProgramTerms(name, ProgramKind.REWARD, budgetFen, perProjectCapFen, callWindow, null, null,
        rewardTable, null, null);
  }

  /** The terms of a VOUCHER program (创新券). */
  public static ProgramTerms voucher(String name, long budgetFen, long perProjectCapFen, CallWindow callWindow,
      VoucherRule voucherRule) {
    return new ProgramTerms(name, ProgramKind.VOUCHER, budgetFen, perProjectCapFen, callWindow, null, null, null,
        voucherRule, null);
  }

  /** These terms with another expert review setting (the API's and the portal's form field). */
  public ProgramTerms withExpertReview(ExpertReview review) {
    return new ProgramTerms(name, kind, budgetFen, perProjectCapFen, callWindow, fundingSplit, postSubsidyRule,
        rewardTable, voucherRule, review);
  }

  public ProgramTerms {
    if (name == null || name.isBlank()) {
      throw IntakeRefusal.rule("invalid-program", "Invalid program", "a program needs a name");
    }
    if (kind == null || callWindow == null) {
      throw IntakeRefusal.rule("invalid-program", "Invalid program", "a program needs a kind and a call window");
    }
    if (budgetFen <= 0 || perProjectCapFen <= 0) {
      throw IntakeRefusal.rule("invalid-program", "Invalid program", "budgetFen and perProjectCapFen must be positive");
    }
    if (perProjectCapFen > budgetFen) {
      throw IntakeRefusal.rule("invalid-program", "Invalid program", "the per-project cap cannot exceed the budget");
    }
    if (kind == ProgramKind.GENERAL && fundingSplit == null) {
      throw IntakeRefusal.rule("invalid-funding-split", "Invalid funding split", "a GENERAL program needs a funding split");
    }
    if (kind != ProgramKind.GENERAL && fundingSplit != null) {
      throw IntakeRefusal.rule("invalid-funding-split", "Invalid funding split", "only GENERAL programs have a funding split");
    }
    if (kind == ProgramKind.POST_SUBSIDY && postSubsidyRule == null) {
      throw IntakeRefusal.rule("invalid-subsidy-rule", "Invalid post-subsidy rule", "a POST_SUBSIDY program needs a post-subsidy rule");
    }
    if (kind != ProgramKind.POST_SUBSIDY && postSubsidyRule != null) {
      throw IntakeRefusal.rule("invalid-subsidy-rule", "Invalid post-subsidy rule", "only POST_SUBSIDY programs have a post-subsidy rule");
    }
    RewardTable.requireFor(kind, rewardTable, budgetFen);
    if (kind == ProgramKind.VOUCHER && voucherRule == null) {
      throw IntakeRefusal.rule("invalid-voucher-rule", "Invalid voucher rule", "a VOUCHER program needs a voucher rule");
    }
    if (kind != ProgramKind.VOUCHER && voucherRule != null) {
      throw IntakeRefusal.rule("invalid-voucher-rule", "Invalid voucher rule", "only VOUCHER programs have a voucher rule");
    }
    if (expertReview == null) {
      expertReview = ExpertReview.defaultFor(kind);
    }
    if ((kind == ProgramKind.POST_SUBSIDY || kind == ProgramKind.REWARD || kind == ProgramKind.VOUCHER) && expertReview.required()) {
      throw IntakeRefusal.rule("invalid-rubric", "Invalid review rubric",
          "a " + kind + " program has no proposals to review before award: its expert review stays off");
    }
  }

  /** Proposals of this program are awarded only after their expert review (立项评审). */
  public boolean reviewRequired() {
    return expertReview.required();
  }
}
