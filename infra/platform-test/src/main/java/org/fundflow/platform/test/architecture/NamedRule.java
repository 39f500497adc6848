package org.fundflow.platform.test.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/** One architecture rule with the name its test is reported under. */
public record NamedRule(String name, ArchRule rule) {

  /** One JUnit test per rule, all checked against the same import (made once, on the first test). */
  static Stream<DynamicTest> tests(List<NamedRule> rules, Supplier<JavaClasses> classes) {
    Supplier<JavaClasses> once = memoize(classes);
    return rules.stream().map(r -> DynamicTest.dynamicTest(r.name(), () -> r.rule().check(once.get())));
  }

  static <T> Supplier<T> memoize(Supplier<T> supplier) {
    return new Supplier<>() {
      private T value;

      @Override
      public synchronized T get() {
        if (value == null) {
          value = supplier.get();
        }
        return value;
      }
    };
  }
}
