package org.fundflow.portal.client;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fundflow.portal.client.IntakeClient.BudgetLine;
import org.fundflow.portal.client.IntakeClient.Milestone;
import org.fundflow.portal.client.IntakeClient.Page;
import org.fundflow.portal.client.IntakeClient.Person;
import org.fundflow.portal.config.ClientsConfig.ServiceClients;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * project-intake's API as a program manager uses it: programs (create, edit, open, close), challenges, the proposal
 * queue and the decisions. Decisions carry {@code If-Match} with the ETag the page read, so a decision on a proposal
 * someone else changed meanwhile is refused (412) instead of applied to what the manager did not see.
 */
@Component
public class ProgramManagementClient {

  private final ServiceClient client;

  public ProgramManagementClient(ServiceClients clients) {
    this.client = clients.get(IntakeClient.SERVICE);
  }

  public Mono<Page<ManagedProgram>> programs(String after, int limit) {
    return client.get(u -> u.path("/programs").queryParamIfPresent("after", Optional.ofNullable(after))
        .queryParam("limit", limit).build(), new ParameterizedTypeReference<Page<ManagedProgram>>() {});
  }

  public Mono<ManagedProgram> program(String id) {
    return client.get(u -> u.path("/programs/{id}").build(id), ManagedProgram.class);
  }

  public Mono<ManagedProgram> create(ProgramTerms terms, String idempotencyKey) {
    return client.send(HttpMethod.POST, u -> u.path("/programs").build(), terms, keyed(idempotencyKey),
        ManagedProgram.class);
  }

  /** A program with its {@code ETag}, to send back as {@code If-Match} when its draft is edited. */
  public Mono<Tagged<ManagedProgram>> programTagged(String id) {
    return client.getTagged(u -> u.path("/programs/{id}").build(id), ManagedProgram.class);
  }

  /**
   * Edits a draft, with {@code If-Match} = the ETag of the draft the form was rendered from (project-intake requires
   * it: 412 when someone changed the draft meanwhile).
   */
  public Mono<ManagedProgram> edit(String id, ProgramTerms terms, String etag, String idempotencyKey) {
    Map<String, String> headers = keyed(idempotencyKey);
    headers.put("If-Match", etag);
    return client.send(HttpMethod.PUT, u -> u.path("/programs/{id}").build(id), terms, headers, ManagedProgram.class);
  }

  /** {@code open} or {@code close}. */
  public Mono<ManagedProgram> change(String id, String step, String idempotencyKey) {
    return client.send(HttpMethod.POST, u -> u.path("/programs/{id}/{step}").build(id, step), null,
        keyed(idempotencyKey), ManagedProgram.class);
  }

  public Mono<List<ManagedChallenge>> challenges(String programId) {
    return client.get(u -> u.path("/programs/{id}/challenges").build(programId),
        new ParameterizedTypeReference<List<ManagedChallenge>>() {});
  }

  public Mono<ManagedChallenge> postChallenge(String programId, ChallengeTerms terms, String idempotencyKey) {
    return client.send(HttpMethod.POST, u -> u.path("/programs/{id}/challenges").build(programId), terms,
        keyed(idempotencyKey), ManagedChallenge.class);
  }

  /** One page of a program's proposals, filtered by the service (status, organisation). */
  public Mono<Page<ManagedProposal>> proposals(String programId, String status, String organisationCode, String after,
      int limit) {
    return client.get(u -> u.path("/proposals").queryParam("programId", programId)
        .queryParamIfPresent("status", Optional.ofNullable(status))
        .queryParamIfPresent("organisationCode", Optional.ofNullable(organisationCode))
        .queryParamIfPresent("after", Optional.ofNullable(after))
        .queryParam("limit", limit).build(), new ParameterizedTypeReference<Page<ManagedProposal>>() {});
  }

  public Mono<Tagged<ManagedProposal>> proposal(String id) {
    return client.getTagged(u -> u.path("/proposals/{id}").build(id), ManagedProposal.class);
  }

  /**
   * {@code screen}, {@code review}, {@code reject} ({@code {"reason"}}) or {@code award} ({@code {"amountFen"}}),
   * with {@code If-Match} = the ETag the page showed.
   */
  public Mono<ManagedProposal> decide(String id, String decision, Object body, String etag, String idempotencyKey) {
    Map<String, String> headers = keyed(idempotencyKey);
    headers.put("If-Match", etag);
    return client.send(HttpMethod.POST, u -> u.path("/proposals/{id}/{decision}").build(id, decision), body, headers,
        ManagedProposal.class);
  }

  private static Map<String, String> keyed(String idempotencyKey) {
    Map<String, String> headers = new HashMap<>();
    headers.put("Idempotency-Key", idempotencyKey);
    return headers;
  }

  public record CallWindow(String opensAt, String closesAt) {}

  public record FundingSplit(int advancePercent, int balancePercent) {}

  public record Tier(long fromFen, int rateBasisPoints) {}

  public record SubsidyRule(String base, List<Tier> tiers, Long capPerOrganisationPerYearFen, long minimumIncreaseFen) {}

  /**
   * 立项评审: whether proposals need an expert review before award, and the program's own rubric (null: the service's
   * default 40/30/20/10).
   */
  @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
  public record ReviewSetting(boolean required, List<Criterion> rubric) {}

  public record Criterion(String name, int weight) {}

  /** A program's expert review setting as the service shows it. */
  public record ExpertReview(boolean required, List<Criterion> rubric) {}

  /**
   * The body of {@code POST /programs} and {@code PUT /programs/{id}}; {@code expertReview} null (POST_SUBSIDY): the
   * service's default.
   */
  @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
  public record ProgramTerms(String name, String kind, long budgetFen, long perProjectCapFen, CallWindow callWindow,
      FundingSplit fundingSplit, SubsidyRule postSubsidyRule, ReviewSetting expertReview, VoucherTerms voucherRule,
      RewardClaimsClient.RewardTable rewardTable) {}

  /** A VOUCHER program's rule as the service takes it: fen, days, an exact ratio (0.35), district codes. */
  public record VoucherTerms(long faceValueFen, int validityDays, long annualCapPerEnterpriseFen,
      List<String> eligibleCategories, java.math.BigDecimal ratio, List<String> districtCodes) {}

  public record ChallengeTerms(String postingOrganisationCode, String postingOrganisationName, String title,
      String problem, List<String> targetIndicators, long maxFundingFen, LocalDate deadlineDate) {}

  public record Window(Instant opensAt, Instant closesAt, LocalDateTime opensLocal, LocalDateTime closesLocal) {}

  public record ManagedProgram(String id, String name, String kind, String status, long budgetFen,
      long perProjectCapFen, long awardedFen, long remainingToAwardFen, Window callWindow, FundingSplit fundingSplit,
      SubsidyRule postSubsidyRule, Integer revision, Instant createdAt, Instant publishedAt, ExpertReview expertReview,
      VoucherClient.VoucherRule voucherRule, RewardClaimsClient.RewardTable rewardTable) {

    public boolean draft() {
      return "DRAFT".equals(status);
    }
  }

  public record ManagedChallenge(String id, String programId, String postingOrganisationCode,
      String postingOrganisationName, String title, String problem, List<String> targetIndicators, long maxFundingFen,
      LocalDate deadlineDate, Instant publishedAt) {}

  public record ManagedProposal(String id, String programId, String programKind, String challengeId,
      String organisationCode, String organisationName, String status, String title,
      @JsonProperty("abstract") String abstractText, long requestedAmountFen, List<BudgetLine> budgetLines,
      Person principalInvestigator, List<Person> team, List<Milestone> milestones, Instant submittedAt,
      Long awardedAmountFen, String projectId, Instant decidedAt, String rejectionReason, Instant createdAt,
      String outOfRankOrderReason) {}

  /** 立项评审: a program's reviewed proposals ranked by score, and those still in review. */
  public Mono<Ranking> ranking(String programId) {
    return client.get(u -> u.path("/programs/{id}/ranking").build(programId), Ranking.class);
  }

  public record Ranked(int rank, String proposalId, String title, String organisationName, String status,
      long requestedAmountFen, String score, List<Integer> totalsUsed, List<Integer> totalsDropped, String explanation,
      int panelSize, Instant reviewedAt, Long awardedAmountFen, String outOfRankOrderReason) {}

  public record AwaitingReview(String proposalId, String title, String organisationName, String status) {}

  public record Ranking(String programId, boolean reviewRequired, List<Criterion> rubric, List<Ranked> ranking,
      List<AwaitingReview> awaitingReview) {
    public Ranking {
      rubric = rubric == null ? List.of() : rubric;
      ranking = ranking == null ? List.of() : ranking;
      awaitingReview = awaitingReview == null ? List.of() : awaitingReview;
    }

    /** The first proposal still to decide (UNDER_REVIEW) in rank order: awarding another one is out of order. */
    public Integer firstUndecidedRank() {
      return ranking.stream().filter(r -> "UNDER_REVIEW".equals(r.status())).map(Ranked::rank).findFirst().orElse(null);
    }
  }
}
