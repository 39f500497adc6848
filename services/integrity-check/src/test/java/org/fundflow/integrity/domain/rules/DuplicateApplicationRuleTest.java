package org.fundflow.integrity.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.fundflow.integrity.domain.Flag;
import org.fundflow.integrity.domain.RuleRef;
import org.fundflow.integrity.domain.SubjectType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** DUPLICATE_APPLICATION v1 against every pair of the shared similar-proposals.json and our own pairs. */
class DuplicateApplicationRuleTest {

  static final String ORG = "91120112MNH91HTMX6";
  static final String OTHER_ORG = "9112000089F2XW550E";
  static final String PI = "a".repeat(64);
  static final Instant NOW = Instant.parse("2026-11-28T08:00:00Z");

  final DuplicateApplicationRule rule = new DuplicateApplicationRule(DuplicateApplicationRule.Settings.defaults());

  static Stream<Arguments> pairs() throws Exception {
    List<Arguments> all = new ArrayList<>();
    for (String file : List.of("similar-proposals.json", "own-pairs.json")) {
      try (InputStream in = DuplicateApplicationRuleTest.class.getResourceAsStream("/testdata/" + file)) {
        JsonNode root = JsonMapper.builder().build().readTree(in);
        int i = 0;
        for (JsonNode p : root.get("pairs")) {
          all.add(Arguments.of(file + "#" + (i++) + " " + p.get("expect").asString() + ": " + p.get("why").asString(),
              p.get("expect").asString().equals("match"), p.get("a"), p.get("b")));
        }
      }
    }
    return all.stream();
  }

  static ProposalFacts proposal(String id, String program, String org, String pi, JsonNode text) {
    return new ProposalFacts(id, program, org, pi, text.get("title").asString(), text.get("abstract").asString(),
        "evt-" + id, NOW);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pairs")
  void givenASharedOrganisationAndTwoPrograms_whenTextsAreNearIdentical_thenFlaggedElseNot(String name, boolean match,
      JsonNode a, JsonNode b) {
    ProposalFacts first = proposal("prp-a", "prg-1", ORG, null, a);
    ProposalFacts second = proposal("prp-b", "prg-2", ORG, null, b);

    List<Flag> flags = rule.evaluate(second, List.of(first), NOW);

    System.out.printf("[duplicate] %-100s -> %s%n", name, rule.score(first, second));
    if (match) {
      assertThat(flags).as(name).hasSize(1);
      Flag flag = flags.get(0);
      assertThat(flag.rule()).isEqualTo(RuleRef.DUPLICATE_APPLICATION);
      assertThat(flag.subject().type()).isEqualTo(SubjectType.ORGANISATION);
      assertThat(flag.evidence()).extracting(e -> e.values().get("proposalId")).containsExactly("prp-a", "prp-b");
      assertThat((double) flag.evidence().get(0).values().get("similarity")).isGreaterThanOrEqualTo(0.75);
      assertThat((String) flag.evidence().get(0).values().get("method")).contains("3-shingles", "threshold 0.75");
    } else {
      assertThat(flags).as(name).isEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pairs")
  void theSamePairIsFlaggedUnderTheSameIdWhicheverIsSeenSecond(String name, boolean match, JsonNode a, JsonNode b) {
    ProposalFacts first = proposal("prp-a", "prg-1", ORG, null, a);
    ProposalFacts second = proposal("prp-b", "prg-2", ORG, null, b);
    assertThat(rule.evaluate(second, List.of(first), NOW)).extracting(Flag::flagId)
        .isEqualTo(rule.evaluate(first, List.of(second), NOW).stream().map(Flag::flagId).toList());
  }

  @Test
  void givenTheSameProgram_thenNoDuplicateApplication() throws Exception {
    JsonNode pair = pairs().findFirst().map(a -> (JsonNode) a.get()[2]).orElseThrow();
    ProposalFacts first = proposal("prp-a", "prg-1", ORG, null, pair);
    ProposalFacts second = proposal("prp-b", "prg-1", ORG, null, pair);
    assertThat(rule.evaluate(second, List.of(first), NOW)).isEmpty();
  }

  @Test
  void givenDifferentOrganisationsButTheSamePrincipalInvestigator_thenThePersonIsFlagged() throws Exception {
    JsonNode pair = pairs().findFirst().map(a -> (JsonNode) a.get()[2]).orElseThrow();
    ProposalFacts first = proposal("prp-a", "prg-1", ORG, PI, pair);
    ProposalFacts second = proposal("prp-b", "prg-2", OTHER_ORG, PI, pair);
    List<Flag> flags = rule.evaluate(second, List.of(first), NOW);
    assertThat(flags).hasSize(1);
    assertThat(flags.get(0).subject().type()).isEqualTo(SubjectType.PERSON);
    assertThat(flags.get(0).subject().id()).isEqualTo(PI);
  }

  @Test
  void givenNeitherOrganisationNorInvestigatorShared_thenNotFlaggedEvenForIdenticalTexts() throws Exception {
    JsonNode pair = pairs().findFirst().map(a -> (JsonNode) a.get()[2]).orElseThrow();
    ProposalFacts first = proposal("prp-a", "prg-1", ORG, PI, pair);
    ProposalFacts second = proposal("prp-b", "prg-2", OTHER_ORG, "b".repeat(64), pair);
    assertThat(rule.evaluate(second, List.of(first), NOW)).isEmpty();
  }

  @Test
  void normalisationIgnoresPunctuationSpacesCaseAndWidth() {
    assertThat(TextSimilarity.normalise("Ａ Ｂ，c-D！ 12")).isEqualTo("abcd12");
    TextSimilarity.Score s = new TextSimilarity(3).compare("冷链物流，蓄冷箱。", "冷链物流蓄冷箱");
    assertThat(s.jaccard()).isEqualTo(1.0);
  }
}
