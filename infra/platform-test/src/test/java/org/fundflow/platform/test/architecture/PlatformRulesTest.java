package org.fundflow.platform.test.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import org.fundflow.platform.domain.ImpureBuildingBlock;
import org.fundflow.platform.domain.PureBuildingBlock;
import org.junit.jupiter.api.Test;

/** The platform's domain building blocks stay pure Java: the services' domains may use them. */
class PlatformRulesTest {

  @Test
  void givenASpringTypeInThePlatformsDomainPackage_whenChecked_thenItIsNamed() {
    EvaluationResult result = PlatformRules.platformDomainIsPureJava().rule()
        .evaluate(new ClassFileImporter().importClasses(ImpureBuildingBlock.class, PureBuildingBlock.class));

    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().toString()).contains("ImpureBuildingBlock").doesNotContain("domain.PureBuildingBlock");
  }

  @Test
  void givenOnlyJavaInThePlatformsDomainPackage_whenChecked_thenNoViolation() {
    EvaluationResult result = PlatformRules.platformDomainIsPureJava().rule()
        .evaluate(new ClassFileImporter().importClasses(PureBuildingBlock.class));

    assertThat(result.hasViolation()).as(result.getFailureReport().toString()).isFalse();
  }
}
