package org.fundflow.platform.test.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaConstructor;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * The one architecture rule set of a Fundflow service (docs/service-guide.md, "Skeleton"): a hexagon under
 * {@code org.fundflow.<context>} with {@code domain}, {@code application.port.in|out}, {@code application.service},
 * {@code adapter.in|out.*} and {@code config}. Every service applies it with a thin test:
 *
 * <pre>{@code
 * class ArchitectureTest {
 *   @TestFactory
 *   Stream<DynamicTest> hexagon() {
 *     return HexagonRules.forService("org.fundflow.intake").tests();
 *   }
 * }
 * }</pre>
 *
 * Only the service's production classes are checked (test classes and jars are not imported). The portal applies
 * {@link #forPortal(String)}.
 */
public final class HexagonRules {

  /** The platform's packages a service may use; its test kit ({@code org.fundflow.platform.test}) is for tests only. */
  static final String PLATFORM = "org.fundflow.platform..";
  static final String PLATFORM_TEST_KIT = "org.fundflow.platform.test..";

  /**
   * The one exception to "the domain knows only java.*": the GB 32100 / GB 11643 checks (module infra/national-codes).
   * They are national standards, not one service's rules, written once; the module has no dependency at all, so
   * allowing its package keeps the domain pure Java (docs/adr/0005-national-codes-once.md). Nothing else of the
   * platform is allowed in the domain or the application.
   */
  static final String NATIONAL_CODES = "org.fundflow.platform.national..";

  /**
   * The platform's pure-Java domain building blocks (the one aggregate style: {@code Change}, {@code ConcurrentChange}),
   * allowed in the domain and the application: it depends on java.* only (PlatformRules checks that).
   */
  static final String PLATFORM_DOMAIN = "org.fundflow.platform.domain..";

  /** The platform's helpers for application services (the one concurrent-change retry): Java and Reactor only. */
  static final String PLATFORM_APPLICATION = "org.fundflow.platform.application..";

  /**
   * Port-in interfaces whose names may not end in {@code UseCase}, by service base package and fully qualified name:
   * none since issue 13 point 6 renamed the last ones (intake's *UseCases, milestone's ProjectQueries, integrity's
   * IntegrityRecordQuery). An entry must name an existing class (a test checks it).
   */
  static final Map<String, Set<String>> PORT_IN_NAMES_NOT_YET_USE_CASES = Map.of();

  private final String basePackage;
  private final boolean hexagon;
  private final Set<String> portInNameExceptions;

  private HexagonRules(String basePackage, boolean hexagon) {
    if (!basePackage.startsWith("org.fundflow.") || basePackage.endsWith(".")) {
      throw new IllegalArgumentException("a service's base package is org.fundflow.<context>, not " + basePackage);
    }
    this.basePackage = basePackage;
    this.hexagon = hexagon;
    this.portInNameExceptions = PORT_IN_NAMES_NOT_YET_USE_CASES.getOrDefault(basePackage, Set.of());
  }

  /** The rule set for the service whose classes live under {@code basePackage}, e.g. {@code org.fundflow.intake}. */
  public static HexagonRules forService(String basePackage) {
    return new HexagonRules(basePackage, true);
  }

  /**
   * The rules for the portal (e.g. {@code org.fundflow.portal}), which has no hexagon: web pages and HTTP clients of
   * the services. It must not use another service's classes (nor the test kit), and where it declares use cases,
   * commands or message records they follow the services' names. The layer rules are left out.
   */
  public static HexagonRules forPortal(String basePackage) {
    return new HexagonRules(basePackage, false);
  }

  /**
   * One JUnit test per rule, over the service's production classes, and one that the recorded naming exceptions
   * still exist (a renamed port must leave the list).
   */
  public Stream<DynamicTest> tests() {
    Supplier<JavaClasses> classes = NamedRule.memoize(this::importClasses);
    return Stream.concat(NamedRule.tests(rules(), classes),
        Stream.of(DynamicTest.dynamicTest("recorded naming exceptions still exist", () -> {
          List<String> gone = portInNameExceptions.stream().filter(name -> !classes.get().contain(name)).sorted().toList();
          if (!gone.isEmpty()) {
            throw new AssertionError("remove from HexagonRules.PORT_IN_NAMES_NOT_YET_USE_CASES, no such class: " + gone);
          }
        })));
  }

  /** The service's production classes, as the tests check them. */
  public JavaClasses importClasses() {
    return new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
        .importPackages(basePackage);
  }

  /** Every rule of the set, in the order they are reported (the portal's: no layer rules). */
  public List<NamedRule> rules() {
    if (!hexagon) {
      return List.of(
          noOtherServicePackages(),
          portInInterfacesAreUseCases(),
          commandsAreUseCaseInputs(),
          messagesAreInboundKafkaRecords());
    }
    return List.of(
        domainIsPureJava(),
        applicationHasNoFrameworksNorAdapters(),
        inboundAdaptersDoNotUseOutboundAdapters(),
        noOtherServicePackages(),
        portInInterfacesAreUseCases(),
        commandsAreUseCaseInputs(),
        messagesAreInboundKafkaRecords(),
        portsCarryNoCorrelationId());
  }

  private String pkg(String relative) {
    return basePackage + "." + relative + "..";
  }

  /**
   * The domain knows only Java, itself and the pure-Java national code checks ({@link #NATIONAL_CODES}): no Spring,
   * Reactor, Mongo, Kafka, Jackson, Jakarta, other platform classes or outer rings.
   */
  public NamedRule domainIsPureJava() {
    return new NamedRule("domain depends on nothing but java.* and the domain", classes()
        .that().resideInAPackage(pkg("domain"))
        .should().onlyDependOnClassesThat().resideInAnyPackage("java..", pkg("domain"), NATIONAL_CODES, PLATFORM_DOMAIN)
        .because("the domain is pure Java: no Spring, Reactor, Mongo, Kafka, Jackson, Jakarta, platform,"
            + " application, adapter or config classes (the dependency-free national code checks and platform.domain aside)"));
  }

  /** Use cases know the domain and their ports; Reactor types are allowed (ports return Mono/Flux). */
  public NamedRule applicationHasNoFrameworksNorAdapters() {
    return new NamedRule("application uses no Spring, store, broker, platform, adapter or config class", noClasses()
        .that().resideInAPackage(pkg("application"))
        .should().dependOnClassesThat(resideInAnyPackage("org.springframework..", "com.mongodb..", "org.bson..",
            "org.apache.kafka..", PLATFORM, pkg("adapter"), pkg("config"))
            .and(not(resideInAnyPackage(NATIONAL_CODES, PLATFORM_DOMAIN, PLATFORM_APPLICATION)))
            .as("reside in Spring, store, broker, platform (but the national code checks, platform.domain and"
                + " platform.application), adapter or config packages"))
        .because("use cases know ports, not frameworks or adapters (no Spring annotations either)"));
  }

  public NamedRule inboundAdaptersDoNotUseOutboundAdapters() {
    return new NamedRule("adapter.in does not use adapter.out", noClasses()
        .that().resideInAPackage(pkg("adapter.in"))
        .should().dependOnClassesThat().resideInAPackage(pkg("adapter.out"))
        .because("an inbound adapter goes through the use cases (port.in), never straight to a store or producer"));
  }

  /** Services share nothing but events: no class of another service (nor the test kit) in production code. */
  public NamedRule noOtherServicePackages() {
    DescribedPredicate<JavaClass> foreign = resideInAPackage("org.fundflow..")
        .and(not(resideInAPackage(basePackage + "..")))
        .and(not(resideInAPackage(PLATFORM).and(not(resideInAPackage(PLATFORM_TEST_KIT)))))
        .as("are Fundflow classes outside " + basePackage + " and the platform");
    return new NamedRule("no dependency on another service's packages", noClasses()
        .that().resideInAPackage(basePackage + "..")
        .should().dependOnClassesThat(foreign)
        .because("services talk only through Kafka events; each keeps its own copy of what it reads"));
  }

  /** A driving port is named after what it does: {@code SubmitReportUseCase}. Recorded exceptions aside. */
  public NamedRule portInInterfacesAreUseCases() {
    DescribedPredicate<JavaClass> recorded = describe("recorded naming exceptions",
        c -> portInNameExceptions.contains(c.getName()));
    return new NamedRule("port.in interfaces are named *UseCase", classes()
        .that().resideInAPackage(basePackage + ".application.port.in")
        .and().areInterfaces()
        .and().areTopLevelClasses()
        .and(not(recorded))
        .should().haveSimpleNameEndingWith("UseCase")
        .allowEmptyShould(true));
  }

  /** A {@code *Command} is the input of a use case and is declared with its port. */
  public NamedRule commandsAreUseCaseInputs() {
    return new NamedRule("*Command classes are records in application.port.in", classes()
        .that().haveSimpleNameEndingWith("Command")
        .should().resideInAPackage(basePackage + ".application.port.in")
        .andShould().beRecords()
        .allowEmptyShould(true));
  }

  /**
   * A {@code *Message} is the service's own record of a consumed event (docs/service-guide.md, "Consuming") and
   * belongs to the Kafka inbound adapter. Interfaces are not messages: milestone-review's outbound
   * {@code ProjectEventMessages.Message} is the sealed type of the events it publishes.
   */
  public NamedRule messagesAreInboundKafkaRecords() {
    return new NamedRule("*Message classes are records in adapter.in.kafka", classes()
        .that().haveSimpleNameEndingWith("Message")
        .and().areNotInterfaces()
        .should().resideInAPackage(pkg("adapter.in.kafka"))
        .andShould().beRecords()
        .allowEmptyShould(true));
  }

  /**
   * The correlation id travels in the Reactor context ({@code org.fundflow.platform.application.Correlation}), put
   * there from the request or the consumed event and read where the events are stored: no port, command or other
   * type of {@code application.port} names a field, method or parameter after it.
   */
  public NamedRule portsCarryNoCorrelationId() {
    return new NamedRule("ports and commands carry no correlation id", classes()
        .that().resideInAPackage(basePackage + ".application.port..")
        .should(notMentionTheCorrelationId())
        .allowEmptyShould(true)
        .because("the correlation id is in the Reactor context (platform Correlation), not passed by hand"));
  }

  private static ArchCondition<JavaClass> notMentionTheCorrelationId() {
    return new ArchCondition<>("not name a field, method or parameter after the correlation id") {
      @Override
      public void check(JavaClass type, ConditionEvents events) {
        for (JavaField field : type.getFields()) {
          report(type, "field " + field.getName(), field.getName(), events);
        }
        for (JavaCodeUnit unit : type.getCodeUnits()) {
          report(type, "method " + unit.getName(), unit.getName(), events);
          for (java.lang.reflect.Parameter parameter : parametersOf(unit)) {
            if (parameter.isNamePresent()) {
              report(type, "parameter " + parameter.getName() + " of " + unit.getFullName(), parameter.getName(),
                  events);
            }
          }
        }
      }
    };
  }

  /** Parameter names come from the class file (compiled with -parameters, as Spring Boot's parent does). */
  private static java.lang.reflect.Parameter[] parametersOf(JavaCodeUnit unit) {
    try {
      if (unit instanceof JavaMethod method) {
        return method.reflect().getParameters();
      }
      if (unit instanceof JavaConstructor constructor) {
        return constructor.reflect().getParameters();
      }
    } catch (RuntimeException | LinkageError notLoadable) {
      // the field and method names are still checked
    }
    return new java.lang.reflect.Parameter[0];
  }

  private static void report(JavaClass type, String what, String name, ConditionEvents events) {
    if (name.toLowerCase(java.util.Locale.ROOT).contains("correlation")) {
      events.add(SimpleConditionEvent.violated(type, type.getName() + " has " + what));
    }
  }
}
