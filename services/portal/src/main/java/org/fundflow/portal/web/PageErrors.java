package org.fundflow.portal.web;

import org.fundflow.portal.client.ProblemMessages;
import org.fundflow.portal.client.ServiceProblem;
import org.fundflow.portal.client.ServiceUnavailable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.reactive.result.view.Rendering;

/**
 * A whole page that cannot be shown: a localized page in the portal's layout, with the right status. Never the
 * service's JSON, never a stack trace.
 */
@ControllerAdvice
public class PageErrors {

  private final ProblemMessages problems;

  public PageErrors(ProblemMessages problems) {
    this.problems = problems;
  }

  @ExceptionHandler(ServiceProblem.class)
  Rendering problem(ServiceProblem problem) {
    if (problem.notFound() || problem.status() == 403) {
      // a record of another organisation is "not found", as the service says: the portal does not reveal it exists
      return Rendering.view("not-found").status(HttpStatus.NOT_FOUND).build();
    }
    return Rendering.view("problem").modelAttribute("messageKey", problems.key(problem))
        .status(HttpStatus.valueOf(problem.status())).build();
  }

  @ExceptionHandler(ServiceUnavailable.class)
  Rendering unavailable(ServiceUnavailable e) {
    return Rendering.view("unavailable").modelAttribute("service", e.service())
        .status(HttpStatus.SERVICE_UNAVAILABLE).build();
  }
}
