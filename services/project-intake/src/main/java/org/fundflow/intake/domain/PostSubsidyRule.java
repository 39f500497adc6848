package org.fundflow.intake.domain;

import java.util.List;

/**
 * The settings of a POST_SUBSIDY program: base, tiered rates, cap per organisation and year, minimum increase.
 *
 * @param capPerOrganisationPerYearFen the most one organisation is granted in a fiscal year, positive; {@code null}
 *     means <em>no cap</em> (left out of the request and of the program events). 0 is refused, never read as "no
 *     cap" (issue 12 point 9: one representation in intake, post-subsidy and the event contract).
 * @param minimumIncreaseFen below this increase nothing is paid; 0 = no minimum
 */
public record PostSubsidyRule(SubsidyBase base, List<SubsidyTier> tiers, Long capPerOrganisationPerYearFen,
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
    if (capPerOrganisationPerYearFen != null && capPerOrganisationPerYearFen <= 0) {
      throw IntakeRefusal.rule("invalid-subsidy-rule", "Invalid post-subsidy rule",
          "capPerOrganisationPerYearFen must be positive; leave it out for no cap");
    }
    if (minimumIncreaseFen < 0) {
      throw IntakeRefusal.rule("invalid-subsidy-rule", "Invalid post-subsidy rule",
          "minimumIncreaseFen must not be negative");
    }
  }

  public boolean capped() {
    return capPerOrganisationPerYearFen != null;
  }
}
