package org.fundflow.platform.testapp;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import java.util.Map;
import org.fundflow.platform.problem.Problems;
import org.fundflow.platform.security.Caller;
import org.slf4j.MDC;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Exercises the platform's HTTP defaults: validation, problem responses, roles, caller. */
@RestController
public class TallyController {

  public record NewTally(@NotBlank String name, @Max(100) int start) {}

  @PostMapping("/tallies")
  @PreAuthorize("hasRole('PROGRAM_MANAGER')")
  public Mono<Map<String, Object>> create(@Valid @RequestBody NewTally body, Caller caller) {
    if (body.name().equals("taken")) {
      return Mono.error(Problems.conflict("tally-exists", "Tally exists", "A tally named taken exists already"));
    }
    return Mono.just(Map.of("name", body.name(), "by", caller.subject(), "roles", caller.roles()));
  }

  private final Tallies tallies;

  public TallyController(Tallies tallies) {
    this.tallies = tallies;
  }

  /** Answers with the log context the request had once its write was stored. */
  @PostMapping("/tallies/{id}/increments")
  @PreAuthorize("hasRole('PROGRAM_MANAGER')")
  public Mono<Map<String, String>> increment(@PathVariable String id) {
    return tallies.requestIncrement(id, 1).map(outcome -> traceLogContext());
  }

  static Map<String, String> traceLogContext() {
    return Map.of("traceId", String.valueOf(MDC.get("traceId")), "spanId", String.valueOf(MDC.get("spanId")));
  }

  @GetMapping("/me")
  public Mono<Caller> me(Caller caller) {
    return Mono.just(caller);
  }

  @GetMapping("/refuse")
  public Mono<Void> refuse() {
    return Mono.error(Problems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "x", "X", "y"));
  }
}
