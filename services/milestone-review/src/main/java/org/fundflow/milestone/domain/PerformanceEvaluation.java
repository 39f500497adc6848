package org.fundflow.milestone.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * 绩效评价 (issue 17 point 6): after a CHALLENGE project completed, a panel of experts rates each of the challenge's
 * target indicators MET, PARTLY_MET or NOT_MET with its evidence (a statement and files stored through this service's
 * document API); the program manager records the panel's rating. One per project (id = project id), never changed.
 *
 * @param panelExpertIds the panel: at least 3 experts, an odd number, none in conflict with the project (回避)
 * @param version the stored version (0 for a new one)
 */
public record PerformanceEvaluation(String id, String projectId, String programId, String challengeId,
    String organisationCode, String projectTitle, List<String> panelExpertIds, List<IndicatorRating> ratings,
    String conclusion, String evaluatedBy, Instant evaluatedAt, long version) {

  public static final int MAX_TEXT = 4000;
  public static final int MAX_FILES_PER_INDICATOR = 20;

  /** How far one target indicator was met. */
  public enum Rating { MET, PARTLY_MET, NOT_MET }

  /** The panel's rating of one target indicator (by its position in the challenge) with the evidence it rests on. */
  public record IndicatorRating(int index, String indicator, Rating rating, String evidence,
      List<EvidenceFile> evidenceFiles) {
    public IndicatorRating {
      evidenceFiles = evidenceFiles == null ? List.of() : List.copyOf(evidenceFiles);
    }
  }

  /** A rating as the program manager sends it: the indicator's position, the rating, the evidence and file ids. */
  public record RatingInput(int index, Rating rating, String evidence, List<String> evidenceFileIds) {
    public RatingInput {
      evidenceFileIds = evidenceFileIds == null ? List.of() : List.copyOf(evidenceFileIds);
    }
  }

  public PerformanceEvaluation {
    Objects.requireNonNull(id, "id");
    panelExpertIds = panelExpertIds == null ? List.of() : List.copyOf(panelExpertIds);
    ratings = ratings == null ? List.of() : List.copyOf(ratings);
  }

  /** Where the evaluation's evidence files are stored (the document kit's owner id). */
  public static String owner(String projectId) {
    return projectId + "/performance-evaluation";
  }

  /**
   * Whether {@code project} can be evaluated now: a CHALLENGE project (409 {@code not-a-challenge-project}), completed
   * (409 {@code project-not-completed}), whose challenge's indicators are known here (409 {@code indicators-unknown}).
   */
  public static void requireEvaluable(Project project, ChallengeIndicators challenge) {
    if (project.programKind() != ProgramKind.CHALLENGE || project.challengeId() == null) {
      throw DomainRuleException.illegal("not-a-challenge-project", "project " + project.id() + " is a "
          + project.programKind() + " project: only CHALLENGE projects are evaluated against target indicators");
    }
    if (project.status() != ProjectStatus.COMPLETED) {
      throw DomainRuleException.illegal("project-not-completed", "project " + project.id() + " is "
          + project.status() + ": it is evaluated once it is COMPLETED");
    }
    if (challenge == null || challenge.targetIndicators().isEmpty()) {
      throw DomainRuleException.illegal("indicators-unknown", "the target indicators of challenge "
          + project.challengeId() + " are not known here yet");
    }
  }

  /**
   * The program manager records the panel's rating of every target indicator of the challenge, once.
   *
   * @param panel the panel's expert profiles (unknown ids already refused by the caller)
   * @param files the stored evaluation files of the project by id (a rating naming another id is refused)
   */
  public static PerformanceEvaluation evaluate(Project project, ChallengeIndicators challenge, Actor manager,
      List<ExpertProfile> panel, List<RatingInput> inputs, String conclusion, Map<String, EvidenceFile> files,
      Instant now) {
    if (!manager.is(Actor.PROGRAM_MANAGER)) {
      throw DomainRuleException.notAllowed("forbidden", "only a program manager records a performance evaluation");
    }
    requireEvaluable(project, challenge);
    if (panel.size() < Panel.MIN_SIZE || panel.size() % 2 == 0) {
      throw DomainRuleException.rule("invalid-panel", "an evaluation panel needs at least " + Panel.MIN_SIZE
          + " experts and an odd number, not " + panel.size());
    }
    Set<String> seated = new HashSet<>();
    for (ExpertProfile expert : panel) {
      if (!seated.add(expert.id())) {
        throw DomainRuleException.rule("invalid-panel", "expert " + expert.id() + " is named twice");
      }
      expert.conflictWith(project).ifPresent(reason -> {
        throw DomainRuleException.rule("expert-conflict", reason);
      });
    }
    List<String> indicators = challenge.targetIndicators();
    if (inputs == null || inputs.size() != indicators.size()) {
      throw DomainRuleException.rule("invalid-evaluation", "rate each of the " + indicators.size()
          + " target indicators exactly once");
    }
    Set<Integer> rated = new LinkedHashSet<>();
    List<IndicatorRating> ratings = new ArrayList<>();
    for (RatingInput in : inputs.stream().sorted(java.util.Comparator.comparingInt(RatingInput::index)).toList()) {
      if (in.index() < 0 || in.index() >= indicators.size() || !rated.add(in.index())) {
        throw DomainRuleException.rule("invalid-evaluation", "rate each of the " + indicators.size()
            + " target indicators (0.." + (indicators.size() - 1) + ") exactly once");
      }
      if (in.rating() == null) {
        throw DomainRuleException.rule("invalid-evaluation", "indicator " + in.index() + " has no rating");
      }
      if (in.evidence() == null || in.evidence().isBlank() || in.evidence().length() > MAX_TEXT) {
        throw DomainRuleException.rule("invalid-evaluation", "indicator " + in.index()
            + " needs the evidence of its rating (1 to " + MAX_TEXT + " characters)");
      }
      if (in.evidenceFileIds().size() > MAX_FILES_PER_INDICATOR) {
        throw DomainRuleException.rule("invalid-evaluation", "at most " + MAX_FILES_PER_INDICATOR
            + " files per indicator");
      }
      List<EvidenceFile> named = new ArrayList<>();
      for (String fileId : new LinkedHashSet<>(in.evidenceFileIds())) {
        EvidenceFile file = files.get(fileId);
        if (file == null) {
          throw DomainRuleException.rule("unknown-evidence-file", "file " + fileId
              + " is not an evaluation file of project " + project.id());
        }
        named.add(file);
      }
      ratings.add(new IndicatorRating(in.index(), indicators.get(in.index()), in.rating(), in.evidence().strip(),
          named));
    }
    if (conclusion != null && conclusion.length() > MAX_TEXT) {
      throw DomainRuleException.rule("invalid-evaluation", "the conclusion has at most " + MAX_TEXT + " characters");
    }
    return new PerformanceEvaluation(project.id(), project.id(), project.programId(), project.challengeId(),
        project.organisationCode(), project.title(), panel.stream().map(ExpertProfile::id).toList(), ratings,
        conclusion == null || conclusion.isBlank() ? null : conclusion.strip(), manager.id(), now, 0);
  }

  public long count(Rating rating) {
    return ratings.stream().filter(r -> r.rating() == rating).count();
  }

  /** The ids of the files the ratings name (kept by the evidence sweep). */
  public Set<String> fileIds() {
    Set<String> ids = new LinkedHashSet<>();
    ratings.forEach(r -> r.evidenceFiles().forEach(f -> ids.add(f.fileId())));
    return ids;
  }
}
