package org.fundflow.platform.test;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;
import org.junit.jupiter.params.support.ParameterDeclarations;

/**
 * The cases of a matrix test's role tables, {@code (endpoint name, role, expected status, endpoint)} (see
 * {@link BadInputMatrix#calls}), read from the test class's static {@code endpoints()} ({@link BadInputAndAccessMatrix})
 * or {@code fileEndpoints()} ({@link FileAccessMatrix}): the drivers' parameterized tests take them from here, so a
 * test class keeps only its tables.
 */
public abstract class TableCalls implements ArgumentsProvider {

  private final String table;
  private final boolean refused;

  TableCalls(String table, boolean refused) {
    this.table = table;
    this.refused = refused;
  }

  @Override
  @SuppressWarnings("unchecked")
  public Stream<? extends Arguments> provideArguments(ParameterDeclarations parameters, ExtensionContext context)
      throws Exception {
    Method source = context.getRequiredTestClass().getDeclaredMethod(table);
    source.setAccessible(true);
    List<Object> rows = (List<Object>) source.invoke(null);
    return BadInputMatrix.calls(rows, TableCalls::name, TableCalls::expected, refused);
  }

  private static String name(Object row) {
    return row instanceof FileAccessMatrix.FileEndpoint<?, ?> file ? file.name()
        : ((BadInputAndAccessMatrix.Endpoint<?, ?, ?>) row).name();
  }

  @SuppressWarnings("unchecked")
  private static Map<Object, Integer> expected(Object row) {
    return (Map<Object, Integer>) (row instanceof FileAccessMatrix.FileEndpoint<?, ?> file ? file.expected()
        : ((BadInputAndAccessMatrix.Endpoint<?, ?, ?>) row).expected());
  }

  /** The refused calls (4xx) of {@code endpoints()}. */
  public static final class Refused extends TableCalls {
    public Refused() {
      super("endpoints", true);
    }
  }

  /** The allowed calls of {@code endpoints()}. */
  public static final class Allowed extends TableCalls {
    public Allowed() {
      super("endpoints", false);
    }
  }

  /** The refused calls of {@code fileEndpoints()}. */
  public static final class RefusedFiles extends TableCalls {
    public RefusedFiles() {
      super("fileEndpoints", true);
    }
  }

  /** The allowed calls of {@code fileEndpoints()}. */
  public static final class AllowedFiles extends TableCalls {
    public AllowedFiles() {
      super("fileEndpoints", false);
    }
  }
}
