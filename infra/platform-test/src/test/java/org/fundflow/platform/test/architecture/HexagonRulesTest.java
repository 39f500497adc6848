package org.fundflow.platform.test.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** The rule set against two small hexagons in this module's test sources: one that breaks every rule, one that keeps them. */
class HexagonRulesTest {

  private static final Map<String, JavaClasses> IMPORTED = new ConcurrentHashMap<>();

  private static EvaluationResult evaluate(NamedRule rule, String basePackage) {
    JavaClasses classes = IMPORTED.computeIfAbsent(basePackage, p -> new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS).importPackages(p));
    return rule.rule().evaluate(classes);
  }

  @Test
  void givenAHexagonBreakingEveryRule_whenChecked_thenEachRuleNamesItsOffender() {
    Map<String, String> offenders = new LinkedHashMap<>();
    offenders.put("domain depends on nothing but java.* and the domain", "archfixture.domain.Order");
    offenders.put("application uses no Spring, store, broker, platform, adapter or config class", "OrderService");
    offenders.put("adapter.in does not use adapter.out", "OrderController");
    offenders.put("no dependency on another service's packages", "OrderStore");
    offenders.put("port.in interfaces are named *UseCase", "OrderQueries");
    offenders.put("*Command classes are records in application.port.in", "WrongCommand");
    offenders.put("*Message classes are records in adapter.in.kafka", "StrayMessage");
    offenders.put("ports and commands carry no correlation id", "OrderLedger has parameter correlationId");

    List<NamedRule> rules = HexagonRules.forService("org.fundflow.archfixture").rules();

    assertThat(rules).extracting(NamedRule::name).containsExactlyElementsOf(offenders.keySet());
    for (NamedRule rule : rules) {
      EvaluationResult result = evaluate(rule, "org.fundflow.archfixture");
      assertThat(result.hasViolation()).as(rule.name()).isTrue();
      assertThat(result.getFailureReport().toString()).as(rule.name()).contains(offenders.get(rule.name()));
    }
  }

  @Test
  void givenTheOutboundMessageInterface_whenNamingChecked_thenOnlyTheRecordIsReported() {
    EvaluationResult result = evaluate(HexagonRules.forService("org.fundflow.archfixture").messagesAreInboundKafkaRecords(),
        "org.fundflow.archfixture");

    assertThat(result.getFailureReport().getDetails()).hasSize(1);
  }

  @Test
  void givenAHexagonKeepingTheRules_whenChecked_thenNoViolation() {
    for (NamedRule rule : HexagonRules.forService("org.fundflow.archclean").rules()) {
      EvaluationResult result = evaluate(rule, "org.fundflow.archclean");
      assertThat(result.hasViolation()).as(rule.name() + ": " + result.getFailureReport()).isFalse();
    }
  }

  @Test
  void givenThePortal_whenRules_thenNoLayerRulesButTheForeignPackageAndNamingRules() {
    List<NamedRule> rules = HexagonRules.forPortal("org.fundflow.archclean").rules();

    assertThat(rules).extracting(NamedRule::name).containsExactly("no dependency on another service's packages",
        "port.in interfaces are named *UseCase", "*Command classes are records in application.port.in",
        "*Message classes are records in adapter.in.kafka");
    for (NamedRule rule : rules) {
      assertThat(evaluate(rule, "org.fundflow.archclean").hasViolation()).as(rule.name()).isFalse();
    }
    assertThat(evaluate(HexagonRules.forPortal("org.fundflow.archfixture").noOtherServicePackages(),
        "org.fundflow.archfixture").hasViolation()).isTrue();
  }

  @Test
  void givenAPackageOutsideFundflow_whenForService_thenRefused() {
    assertThatThrownBy(() -> HexagonRules.forService("com.example.shop")).isInstanceOf(IllegalArgumentException.class);
  }
}
