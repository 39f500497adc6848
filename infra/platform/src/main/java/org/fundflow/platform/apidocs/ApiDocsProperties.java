package org.fundflow.platform.apidocs;

import java.util.List;
import java.util.Map;
import org.fundflow.platform.problem.ProblemTypes.ProblemType;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code fundflow.api-docs.problem-types}: the service's own problem types (its domain refusals) by slug, with
 * status and title, so that its API documentation lists them next to the platform's.
 */
@ConfigurationProperties("fundflow.api-docs")
public record ApiDocsProperties(Map<String, DomainProblem> problemTypes) {

  public record DomainProblem(int status, String title) {}

  public ApiDocsProperties {
    problemTypes = problemTypes == null ? Map.of() : Map.copyOf(problemTypes);
  }

  List<ProblemType> types() {
    return problemTypes.entrySet().stream()
        .map(e -> new ProblemType(e.getKey(), e.getValue().status(), e.getValue().title()))
        .sorted(java.util.Comparator.comparing(ProblemType::status).thenComparing(ProblemType::slug))
        .toList();
  }
}
