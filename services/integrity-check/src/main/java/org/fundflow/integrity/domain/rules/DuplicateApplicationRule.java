package org.fundflow.integrity.domain.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.fundflow.integrity.domain.Evidence;
import org.fundflow.integrity.domain.Flag;
import org.fundflow.integrity.domain.Ids;
import org.fundflow.integrity.domain.RuleRef;
import org.fundflow.integrity.domain.Severity;
import org.fundflow.integrity.domain.Subject;
import org.fundflow.integrity.domain.rules.TextSimilarity.Measure;
import org.fundflow.integrity.domain.rules.TextSimilarity.Score;

/**
 * DUPLICATE_APPLICATION v1 (重复申报): the same organisation, or the same principal investigator,
 * submitted proposals to different programs whose title + abstract are near-identical: the
 * configured measure of character-shingle similarity reaches the threshold. One flag per subject
 * (organisation and/or PI) per pair of proposals; the id is derived from the pair, so whichever
 * of the two is seen second raises it, once.
 */
public final class DuplicateApplicationRule {

  public static final RuleRef RULE = RuleRef.DUPLICATE_APPLICATION;

  public record Settings(int shingleSize, Measure measure, double threshold, Severity severity) {
    public Settings {
      if (threshold <= 0 || threshold > 1) {
        throw new IllegalArgumentException("threshold must be in (0, 1]");
      }
    }

    public static Settings defaults() {
      return new Settings(3, Measure.CONTAINMENT, 0.75, Severity.HIGH);
    }
  }

  private final Settings settings;
  private final TextSimilarity similarity;

  public DuplicateApplicationRule(Settings settings) {
    this.settings = settings;
    this.similarity = new TextSimilarity(settings.shingleSize());
  }

  public Settings settings() {
    return settings;
  }

  public Score score(ProposalFacts a, ProposalFacts b) {
    return similarity.compare(a.text(), b.text());
  }

  public boolean nearIdentical(ProposalFacts a, ProposalFacts b) {
    return score(a, b).of(settings.measure()) >= settings.threshold();
  }

  /** Flags for the new proposal against earlier ones of the same organisation or PI in other programs. */
  public List<Flag> evaluate(ProposalFacts submitted, List<ProposalFacts> earlier, Instant now) {
    List<Flag> flags = new ArrayList<>();
    Set<String> submittedShingles = null; // cut once, and only if some earlier proposal is compared
    for (ProposalFacts other : earlier) {
      if (other.proposalId().equals(submitted.proposalId()) || other.programId().equals(submitted.programId())) {
        continue;
      }
      boolean sameOrg = submitted.organisationCode().equals(other.organisationCode());
      boolean samePi = submitted.principalInvestigatorHash() != null
          && submitted.principalInvestigatorHash().equals(other.principalInvestigatorHash());
      if (!sameOrg && !samePi) {
        continue;
      }
      if (submittedShingles == null) {
        submittedShingles = similarity.shingles(submitted.text());
      }
      Score score = similarity.compare(submittedShingles, similarity.shingles(other.text()));
      double value = score.of(settings.measure());
      if (value < settings.threshold()) {
        continue;
      }
      List<Evidence> evidence = List.of(evidence(other, score), evidence(submitted, score));
      if (sameOrg) {
        flags.add(flag(Subject.organisation(submitted.organisationCode()), submitted, other, evidence, now));
      }
      if (samePi) {
        flags.add(flag(Subject.person(submitted.principalInvestigatorHash()), submitted, other, evidence, now));
      }
    }
    return flags;
  }

  private Flag flag(Subject subject, ProposalFacts a, ProposalFacts b, List<Evidence> evidence, Instant now) {
    String first = a.proposalId().compareTo(b.proposalId()) <= 0 ? a.proposalId() : b.proposalId();
    String second = first.equals(a.proposalId()) ? b.proposalId() : a.proposalId();
    return new Flag(Ids.derived("flag", RULE.toString(), subject.key(), first, second), RULE, subject,
        settings.severity(), evidence, now);
  }

  private Evidence evidence(ProposalFacts p, Score score) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("proposalId", p.proposalId());
    values.put("programId", p.programId());
    values.put("organisationCode", p.organisationCode());
    values.put("title", p.title());
    values.put("measure", settings.measure().name());
    values.put("similarity", round(score.of(settings.measure())));
    values.put("jaccard", round(score.jaccard()));
    values.put("containment", round(score.containment()));
    values.put("threshold", settings.threshold());
    values.put("method", String.format(Locale.ROOT,
        "character %d-shingles of title + abstract after NFKC normalisation, lower case, punctuation and spaces removed; "
            + "%s = %s, threshold %.2f", settings.shingleSize(), settings.measure().name().toLowerCase(Locale.ROOT),
        settings.measure() == Measure.JACCARD ? "|A∩B|/|A∪B|" : "|A∩B|/min(|A|,|B|)", settings.threshold()));
    return new Evidence(p.eventId(), "fundflow.intake.proposal-submitted.v1",
        "proposal " + p.proposalId() + " in program " + p.programId(), values);
  }

  static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
