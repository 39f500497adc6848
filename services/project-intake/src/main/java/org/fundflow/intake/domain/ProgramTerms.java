package org.fundflow.intake.domain;

/**
 * What a program manager sets: name, kind, total budget, per-project cap, call window, the
 * kind's own settings (split for GENERAL, subsidy rule for POST_SUBSIDY, reward table for REWARD) and whether proposals need an expert review
 * before award with its rubric ({@code expertReview}; left out: {@link ExpertReview#defaultFor the kind's default}).
 */
public record ProgramTerms(String name, ProgramKind kind, long budgetFen, long perProjectCapFen, CallWindow callWindow,
    FundingSplit fundingSplit, PostSubsidyRule postSubsidyRule, RewardTable rewardTable, ExpertReview expertReview) {

  /** Terms of a kind without a reward table (every kind but REWARD), with the kind's default expert review. */
  public ProgramTerms(String name, ProgramKind kind, long budgetFen, long perProjectCapFen, CallWindow callWindow,
      FundingSplit fundingSplit, PostSubsidyRule postSubsidyRule) {
    this(name, kind, budgetFen, perProjectCapFen, callWindow, fundingSplit, postSubsidyRule, null, null);
  }

  /** Terms with the kind's default expert review (on for CHALLENGE and GENERAL, off for POST_SUBSIDY and REWARD). */
  public ProgramTerms(String name, ProgramKind kind, long budgetFen, long perProjectCapFen, CallWindow callWindow,
      FundingSplit fundingSplit, PostSubsidyRule postSubsidyRule, RewardTable rewardTable) {
    this(name, kind, budgetFen, perProjectCapFen, callWindow, fundingSplit, postSubsidyRule, rewardTable, null);
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
    if (expertReview == null) {
      expertReview = ExpertReview.defaultFor(kind);
    }
    if ((kind == ProgramKind.POST_SUBSIDY || kind == ProgramKind.REWARD) && expertReview.required()) {
      throw IntakeRefusal.rule("invalid-rubric", "Invalid review rubric",
          "a " + kind + " program has no proposals to review before award: its expert review stays off");
    }
  }

  /** Proposals of this program are awarded only after their expert review (立项评审). */
  public boolean reviewRequired() {
    return expertReview.required();
  }
}
