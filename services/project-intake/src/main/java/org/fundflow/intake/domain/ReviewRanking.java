package org.fundflow.intake.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The proposals of one program ranked by their expert review score (highest first; equal scores share a rank, the
 * next rank counts them: 1, 1, 3). The program manager awards in this order; awarding a proposal while a reviewed
 * proposal ranked above it is neither awarded nor rejected (still UNDER_REVIEW) is out of rank order and needs a
 * written reason.
 */
public final class ReviewRanking {

  /** One ranked proposal: its review and where it stands. */
  public record Entry(int rank, ReviewResult review, Proposal proposal) {}

  private final List<Entry> entries;

  private ReviewRanking(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  /** Ranks the reviewed proposals among {@code proposals} (those without a review are not ranked). */
  public static ReviewRanking of(List<ReviewResult> reviews, List<Proposal> proposals) {
    Map<String, Proposal> byId = new LinkedHashMap<>();
    proposals.forEach(p -> byId.put(p.id(), p));
    List<ReviewResult> sorted = new ArrayList<>(reviews.stream().filter(r -> byId.containsKey(r.proposalId())).toList());
    sorted.sort(Comparator.comparing(ReviewResult::scoreValue).reversed().thenComparing(ReviewResult::proposalId));
    List<Entry> ranked = new ArrayList<>();
    for (int i = 0; i < sorted.size(); i++) {
      ReviewResult r = sorted.get(i);
      int rank = i > 0 && sorted.get(i - 1).scoreValue().compareTo(r.scoreValue()) == 0 ? ranked.get(i - 1).rank() : i + 1;
      ranked.add(new Entry(rank, r, byId.get(r.proposalId())));
    }
    return new ReviewRanking(ranked);
  }

  public List<Entry> entries() {
    return entries;
  }

  /** The reviewed proposals ranked strictly above {@code proposalId} that are still UNDER_REVIEW (undecided). */
  public List<Entry> undecidedAbove(String proposalId) {
    Entry mine = entries.stream().filter(e -> e.proposal().id().equals(proposalId)).findFirst().orElse(null);
    if (mine == null) {
      return List.of();
    }
    return entries.stream()
        .filter(e -> e.review().scoreValue().compareTo(mine.review().scoreValue()) > 0)
        .filter(e -> e.proposal().status() == ProposalStatus.UNDER_REVIEW)
        .toList();
  }

  /**
   * Refuses an award of {@code proposal} of a program that requires review before its review is recorded (409
   * {@code review-incomplete}), or out of rank order without a reason (422 {@code out-of-rank-order}, naming the
   * proposals above it). Returns the reason to record: the stripped reason when the award is out of order, else null.
   */
  public static String requireInOrderOrReason(Program program, Proposal proposal, ReviewResult review,
      ReviewRanking ranking, String reason) {
    if (!program.terms().reviewRequired()) {
      return null;
    }
    if (review == null) {
      throw new IntakeRefusal(org.fundflow.platform.domain.Refusal.Kind.CONFLICT, "review-incomplete",
          "Expert review not complete",
          "program " + program.id() + " requires an expert review (立项评审) before award: proposal " + proposal.id()
              + " has no review score yet", Map.of("proposalId", proposal.id()));
    }
    List<Entry> above = ranking.undecidedAbove(proposal.id());
    if (above.isEmpty()) {
      return null;
    }
    if (reason == null || reason.isBlank()) {
      List<String> ids = above.stream().map(e -> e.proposal().id()).toList();
      throw IntakeRefusal.rule("out-of-rank-order", "Award out of rank order",
          "proposal " + proposal.id() + " scored " + review.score() + "; " + ids.size()
              + " reviewed proposal(s) ranked above it are neither awarded nor rejected (" + String.join(", ", ids)
              + "): an award out of rank order needs a written reason (outOfRankOrderReason)",
          Map.of("higherRankedProposalIds", ids, "score", review.score()));
    }
    if (reason.strip().length() > Proposal.MAX_REASON) {
      throw IntakeRefusal.rule("out-of-rank-order", "Award out of rank order",
          "the reason may have at most " + Proposal.MAX_REASON + " characters");
    }
    return reason.strip();
  }
}
