package org.fundflow.intake.domain;

import java.util.List;

/** The settings of a POST_SUBSIDY program: base, tiered rates, cap per organisation and year, minimum increase. */
public record PostSubsidyRule(SubsidyBase base, List<SubsidyTier> tiers, long capPerOrganisationPerYearFen,
    long minimumIncreaseFen) {

  public PostSubsidyRule {
    if (base == null || tiers == null || tiers.isEmpty()) {
      throw IntakeRefusal.rule("invalid-subsidy-rule", "Invalid post-subsidy rule", "base and at least one tier are required");
    }
    tiers = List.copyOf(tiers);
    if (tiers.get(0).fromFen() != 0) {
      throw IntakeRefusal.rule("invalid-subsidy-rule", "Invalid post-subsidy rule", "the first tier must start at 0");
    }
    for (int i = 1; i < tiers.size(); i++) {
      if (tiers.get(i).fromFen() <= tiers.get(i - 1).fromFen()) {
        throw IntakeRefusal.rule("invalid-subsidy-rule", "Invalid post-subsidy rule", "tiers must be in ascending order of fromFen");
      }
    }
    if (capPerOrganisationPerYearFen <= 0 || minimumIncreaseFen < 0) {
      throw IntakeRefusal.rule("invalid-subsidy-rule", "Invalid post-subsidy rule",
          "capPerOrganisationPerYearFen must be positive and minimumIncreaseFen not negative");
    }
  }
}
