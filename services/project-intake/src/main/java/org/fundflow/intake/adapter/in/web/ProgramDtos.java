package org.fundflow.intake.adapter.in.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.fundflow.intake.domain.CallWindow;
import org.fundflow.intake.domain.Challenge;
import org.fundflow.intake.domain.ExpertReview;
import org.fundflow.intake.domain.FundingSplit;
import org.fundflow.intake.domain.RubricCriterion;
import org.fundflow.intake.domain.PostSubsidyRule;
import org.fundflow.intake.domain.Program;
import org.fundflow.intake.domain.ProgramKind;
import org.fundflow.intake.domain.ProgramStatus;
import org.fundflow.intake.domain.ProgramTerms;
import org.fundflow.intake.domain.RewardTable;
import org.fundflow.intake.domain.SubsidyBase;
import org.fundflow.intake.domain.SubsidyTier;
import org.fundflow.platform.problem.Problems;
import org.fundflow.platform.validation.ValidOrganisationCode;

/** Request and response bodies of the program API. */
public final class ProgramDtos {

  private ProgramDtos() {}

  /**
   * opensAt/closesAt: an Asia/Shanghai local date-time ({@code 2026-12-01T09:00}) or an instant with offset.
   */
  public record CallWindowBody(@NotBlank String opensAt, @NotBlank String closesAt) {
    CallWindow toDomain() {
      return new CallWindow(instant(opensAt, "opensAt"), instant(closesAt, "closesAt"));
    }

    private static Instant instant(String text, String field) {
      try {
        return LocalDateTime.parse(text).atZone(CallWindow.ZONE).toInstant();
      } catch (DateTimeParseException notLocal) {
        try {
          return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
          // not a date at all: a malformed request (400 naming the field), not a broken rule
          throw Problems.invalid("callWindow." + field,
              "must be an Asia/Shanghai local date-time (2026-12-01T09:00) or an RFC 3339 instant");
        }
      }
    }
  }

  public record FundingSplitBody(int advancePercent, int balancePercent) {}

  public record TierBody(long fromFen, int rateBasisPoints) {}

  public record PostSubsidyRuleBody(@NotNull SubsidyBase base, @NotEmpty List<@Valid TierBody> tiers,
      @Schema(description = "Most one organisation is granted per fiscal year, positive. Leave it out (or null) "
          + "for no cap; 0 is refused", nullable = true)
      Long capPerOrganisationPerYearFen,
      long minimumIncreaseFen) {}

  public record CriterionBody(@NotBlank @Size(max = 200) String name, int weight) {}

  /**
   * 立项评审: {@code required} (left out: on for CHALLENGE and GENERAL, off for POST_SUBSIDY and REWARD) and the
   * rubric (left out: the default 40/30/20/10; weights add up to exactly 100).
   */
  public record ExpertReviewBody(Boolean required, @Size(max = 10) List<@Valid @NotNull CriterionBody> rubric) {}

  public record RewardEntryBody(@NotBlank @Size(max = 40) String code, @NotBlank @Size(max = 200) String name,
      @Positive long amountFen) {}

  public record RewardTableBody(@NotEmpty @Size(max = 50) List<@Valid @NotNull RewardEntryBody> entries) {
    RewardTable toDomain() {
      return new RewardTable(entries.stream().map(e -> new RewardTable.Entry(e.code(), e.name(), e.amountFen()))
          .toList());
    }
  }

  public record ProgramRequest(@NotBlank @Size(max = 300) String name, @NotNull ProgramKind kind,
      @Positive long budgetFen, @Positive long perProjectCapFen, @NotNull @Valid CallWindowBody callWindow,
      @Valid FundingSplitBody fundingSplit, @Valid PostSubsidyRuleBody postSubsidyRule,
      @Schema(description = "REWARD programs only (issue 18): achievement code -> fixed reward in fen")
      @Valid RewardTableBody rewardTable,
      @Schema(description = "VOUCHER programs only (issue 18): face value, validity, annual cap per enterprise, "
          + "eligible categories, ratio, districts")
      @Valid VoucherDtos.VoucherRuleBody voucherRule,
      @Valid ExpertReviewBody expertReview) {

    private ExpertReview review() {
      if (expertReview == null || kind == null) {
        return null;
      }
      boolean required = expertReview.required() != null ? expertReview.required()
          : ExpertReview.defaultFor(kind).required();
      List<RubricCriterion> rubric = expertReview.rubric() == null ? null
          : expertReview.rubric().stream().map(c -> new RubricCriterion(c.name().strip(), c.weight())).toList();
      return new ExpertReview(required, rubric);
    }

    ProgramTerms toTerms() {
      FundingSplit split = fundingSplit == null ? null
          : new FundingSplit(fundingSplit.advancePercent(), fundingSplit.balancePercent());
      PostSubsidyRule rule = postSubsidyRule == null ? null
          : new PostSubsidyRule(postSubsidyRule.base(),
              postSubsidyRule.tiers().stream().map(t -> new SubsidyTier(t.fromFen(), t.rateBasisPoints())).toList(),
              postSubsidyRule.capPerOrganisationPerYearFen(), postSubsidyRule.minimumIncreaseFen());
      return new ProgramTerms(name, kind, budgetFen, perProjectCapFen, callWindow.toDomain(), split, rule,
          rewardTable == null ? null : rewardTable.toDomain(), voucherRule == null ? null : voucherRule.toDomain(),
          review());
    }
  }

  public record CallWindowView(Instant opensAt, Instant closesAt, LocalDateTime opensLocal, LocalDateTime closesLocal,
      String timeZone) {}

  /**
   * A program with its budget figures: {@code awardedFen} (awards made, including one being written),
   * {@code remainingToAwardFen} = budget - awarded. What is paid out is post-subsidy's figure, not intake's.
   */
  public record ProgramView(String id, String name, ProgramKind kind, ProgramStatus status, long budgetFen,
      long perProjectCapFen,
      @Schema(description = "Awarded of the budget: the sum of the awards made (an award being written counts at once)")
      long awardedFen,
      @Schema(description = "Budget not awarded yet: budgetFen - awardedFen")
      long remainingToAwardFen,
      CallWindowView callWindow, FundingSplit fundingSplit,
      PostSubsidyRule postSubsidyRule, int revision, Instant createdAt, Instant publishedAt, Instant changedAt,
      @Schema(description = "REWARD programs only: the reward per achievement") RewardTable rewardTable,
      @Schema(description = "VOUCHER programs only: face value, validity, annual cap per enterprise, eligible "
          + "categories, ratio, districts (issue 18)", nullable = true)
      VoucherDtos.VoucherRuleView voucherRule,
      @Schema(description = "立项评审: whether proposals need an expert review before award, and its rubric")
      ExpertReview expertReview) {

    static ProgramView of(Program p) {
      ProgramTerms t = p.terms();
      CallWindow w = t.callWindow();
      return new ProgramView(p.id(), t.name(), t.kind(), p.status(), t.budgetFen(), t.perProjectCapFen(),
          p.awardedFen(), p.remainingToAwardFen(),
          new CallWindowView(w.opensAt(), w.closesAt(), w.opensLocal(), w.closesLocal(), CallWindow.ZONE.getId()),
          t.fundingSplit(), t.postSubsidyRule(), p.revision(), p.createdAt(), p.publishedAt(), p.changedAt(),
          t.rewardTable(), VoucherDtos.VoucherRuleView.of(t.voucherRule()), t.expertReview());
    }
  }

  public record ChallengeRequest(@NotBlank @ValidOrganisationCode String postingOrganisationCode, @NotBlank String postingOrganisationName,
      @NotBlank String title, @NotBlank String problem, @NotEmpty List<@NotBlank String> targetIndicators,
      @Positive long maxFundingFen, @NotNull LocalDate deadlineDate) {}

  public record ChallengeView(String id, String programId, String postingOrganisationCode,
      String postingOrganisationName, String title, String problem, List<String> targetIndicators, long maxFundingFen,
      LocalDate deadlineDate, Instant publishedAt) {

    static ChallengeView of(Challenge c) {
      return new ChallengeView(c.id(), c.programId(), c.postingOrganisationCode(), c.postingOrganisationName(),
          c.title(), c.problem(), c.targetIndicators(), c.maxFundingFen(), c.deadlineDate(), c.publishedAt());
    }
  }

  public record Page<T>(List<T> items, String nextCursor) {}
}
