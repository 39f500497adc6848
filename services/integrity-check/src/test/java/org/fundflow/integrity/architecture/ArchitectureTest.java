package org.fundflow.integrity.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "org.fundflow.integrity", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule domainIsPureJava = noClasses().that().resideInAPackage("..integrity.domain..")
      .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "reactor..", "com.mongodb..",
          "org.bson..", "org.apache.kafka..", "tools.jackson..", "com.fasterxml..", "jakarta..", "org.fundflow.platform..",
          "..integrity.application..", "..integrity.adapter..", "..integrity.config..");

  @ArchTest
  static final ArchRule applicationHasNoSpring = noClasses().that().resideInAPackage("..integrity.application..")
      .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.mongodb..", "org.bson..",
          "org.apache.kafka..", "..integrity.adapter..", "..integrity.config..");

  @ArchTest
  static final ArchRule inboundAdaptersDoNotUseOutboundAdapters = noClasses().that()
      .resideInAPackage("..integrity.adapter.in..")
      .should().dependOnClassesThat().resideInAPackage("..integrity.adapter.out..");
}
