package org.fundflow.intake.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "org.fundflow.intake", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule domainIsPureJava = noClasses().that().resideInAPackage("..intake.domain..")
      .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "reactor..", "com.mongodb..",
          "org.bson..", "org.apache.kafka..", "tools.jackson..", "com.fasterxml..", "jakarta..",
          "org.fundflow.platform..", "..intake.application..", "..intake.adapter..", "..intake.config..");

  @ArchTest
  static final ArchRule applicationHasNoSpring = noClasses().that().resideInAPackage("..intake.application..")
      .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.mongodb..", "org.apache.kafka..",
          "org.fundflow.platform..", "..intake.adapter..", "..intake.config..");

  @ArchTest
  static final ArchRule adapterInDoesNotUseAdapterOut = noClasses().that().resideInAPackage("..intake.adapter.in..")
      .should().dependOnClassesThat().resideInAPackage("..intake.adapter.out..");

  @ArchTest
  static final ArchRule noOtherServicePackages = noClasses().that().resideInAPackage("org.fundflow.intake..")
      .should().dependOnClassesThat().resideInAnyPackage("org.fundflow.milestone..", "org.fundflow.subsidy..",
          "org.fundflow.integrity..");
}
