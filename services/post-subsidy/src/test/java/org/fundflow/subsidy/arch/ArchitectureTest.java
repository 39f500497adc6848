package org.fundflow.subsidy.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "org.fundflow.subsidy", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule domainIsPureJava = noClasses().that().resideInAPackage("..subsidy.domain..")
      .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "reactor..", "com.mongodb..",
          "org.bson..", "org.apache.kafka..", "org.fundflow.platform..", "jakarta..", "tools.jackson..",
          "..subsidy.application..", "..subsidy.adapter..", "..subsidy.config..");

  @ArchTest
  static final ArchRule applicationHasNoSpring = noClasses().that().resideInAPackage("..subsidy.application..")
      .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.mongodb..", "org.bson..",
          "org.apache.kafka..", "org.fundflow.platform..", "..subsidy.adapter..", "..subsidy.config..");

  @ArchTest
  static final ArchRule inboundAdaptersDoNotUseOutboundAdapters = noClasses().that()
      .resideInAPackage("..subsidy.adapter.in..")
      .should().dependOnClassesThat().resideInAPackage("..subsidy.adapter.out..");

  @ArchTest
  static final ArchRule noOtherServicePackages = noClasses().that().resideInAPackage("org.fundflow.subsidy..")
      .should().dependOnClassesThat().resideInAnyPackage("org.fundflow.intake..", "org.fundflow.milestone..",
          "org.fundflow.integrity..");
}
