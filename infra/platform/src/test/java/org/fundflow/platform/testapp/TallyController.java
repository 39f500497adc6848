package org.fundflow.platform.testapp;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.fundflow.platform.domain.ConcurrentChange;
import org.fundflow.platform.problem.Problems;
import org.fundflow.platform.security.Caller;
import org.fundflow.platform.validation.ValidNationalId;
import org.fundflow.platform.validation.ValidOrganisationCode;
import org.slf4j.MDC;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Exercises the platform's HTTP defaults: validation, problem responses, roles, caller. */
@RestController
public class TallyController {

  public record Member(@ValidOrganisationCode String organisationCode, @ValidNationalId String nationalId) {}

  public enum Kind { COUNTER, GAUGE }

  public record NewTally(@NotBlank String name, @Max(100) int start,
      @JsonProperty("abstract") @Size(max = 5) String abstractText, List<@Valid Member> members, Kind kind,
      Boolean open) {}

  @PostMapping("/tallies")
  @PreAuthorize("hasRole('PROGRAM_MANAGER')")
  public Mono<Map<String, Object>> create(@Valid @RequestBody NewTally body, Caller caller) {
    if (body.name().equals("taken")) {
      return Mono.error(Problems.conflict("tally-exists", "Tally exists", "A tally named taken exists already"));
    }
    if (body.name().equals("contended")) { // every retry met a concurrent change
      return Mono.error(new ConcurrentChange("tallies contended changed: expected version 3, found 4"));
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
    return Map.of("traceId", String.valueOf(MDC.get("traceId")), "spanId", String.valueOf(MDC.get("spanId")),
        "correlationId", String.valueOf(MDC.get("correlationId")));
  }

  @GetMapping("/tallies")
  @PreAuthorize("hasAnyRole('PROGRAM_MANAGER','AUDITOR')")
  public Mono<Map<String, Object>> list(@RequestParam(required = false) Kind kind,
      @RequestParam(required = false) @ValidOrganisationCode String organisationCode,
      @RequestParam(defaultValue = "10") @Min(1) @Max(100) int limit) {
    return Mono.just(Map.of("kind", String.valueOf(kind), "limit", limit));
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
