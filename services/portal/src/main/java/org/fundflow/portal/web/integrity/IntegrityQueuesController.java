package org.fundflow.portal.web.integrity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fundflow.portal.client.IntegrityClient;
import org.fundflow.portal.client.Panel;
import org.fundflow.portal.client.ProblemMessages;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * The work queues of integrity officers and auditors: flags, cases, holds and the dishonesty list, filtered and paged
 * through integrity-check (the filters go to the service as they are; a bad value is its 400, shown on the page).
 */
@Controller
@RequestMapping("/integrity")
public class IntegrityQueuesController {

  static final int PAGE_SIZE = 20;
  static final List<String> RULES = List.of("DISHONESTY_LIST", "DUPLICATE_APPLICATION", "PAID_WHILE_LISTED_OR_HELD",
      "CONFLICT_OF_INTEREST", "PROJECT_FAILED", "EXPENDITURE_ANOMALY");
  static final List<String> SEVERITIES = List.of("CRITICAL", "HIGH", "MEDIUM", "LOW");
  static final List<String> FLAG_STATUSES = List.of("NEW", "OPEN", "INVESTIGATING", "CONFIRMED", "DISMISSED");
  static final List<String> CASE_STATUSES = List.of("OPEN", "INVESTIGATING", "CONFIRMED", "DISMISSED");
  static final List<String> HOLD_STATUSES = List.of("ACTIVE", "LIFTED");
  static final List<String> ENTRY_STATUSES = List.of("IN_FORCE", "UPCOMING", "ENDED");

  private final IntegrityClient integrity;
  private final ProblemMessages problems;

  public IntegrityQueuesController(IntegrityClient integrity, ProblemMessages problems) {
    this.integrity = integrity;
    this.problems = problems;
  }

  @GetMapping
  Mono<Rendering> start() {
    return Mono.just(Rendering.redirectTo("/integrity/flags").build());
  }

  @GetMapping("/flags")
  Mono<Rendering> flags(@RequestParam(required = false) String rule, @RequestParam(required = false) String severity,
      @RequestParam(required = false) String status, @RequestParam(required = false) String organisationCode,
      @RequestParam(required = false) String after) {
    Map<String, String> filters = filters("rule", rule, "severity", severity, "status", status, "organisationCode",
        organisationCode);
    return queue("integrity/flags", "/integrity/flags", filters, after,
        Panel.of(IntegrityClient.SERVICE, integrity.flags(filters, after, PAGE_SIZE), problems))
        .map(r -> r.modelAttribute("rules", RULES).modelAttribute("severities", SEVERITIES)
            .modelAttribute("statuses", FLAG_STATUSES).build());
  }

  @GetMapping("/cases")
  Mono<Rendering> cases(@RequestParam(required = false) String status,
      @RequestParam(required = false) String organisationCode, @RequestParam(required = false) String after) {
    Map<String, String> filters = filters("status", status, "organisationCode", organisationCode);
    return queue("integrity/cases", "/integrity/cases", filters, after,
        Panel.of(IntegrityClient.SERVICE, integrity.cases(filters, after, PAGE_SIZE), problems))
        .map(r -> r.modelAttribute("statuses", CASE_STATUSES).build());
  }

  @GetMapping("/holds")
  Mono<Rendering> holds(@RequestParam(required = false) String status,
      @RequestParam(required = false) String organisationCode, @RequestParam(required = false) String after) {
    Map<String, String> filters = filters("status", status, "organisationCode", organisationCode);
    return queue("integrity/holds", "/integrity/holds", filters, after,
        Panel.of(IntegrityClient.SERVICE, integrity.holds(filters, after, PAGE_SIZE), problems))
        .map(r -> r.modelAttribute("statuses", HOLD_STATUSES).build());
  }

  @GetMapping("/list")
  Mono<Rendering> list(@RequestParam(required = false) String authority,
      @RequestParam(required = false) String status, @RequestParam(required = false) String organisationCode,
      @RequestParam(required = false) String after) {
    Map<String, String> filters = filters("authority", authority, "status", status, "organisationCode",
        organisationCode);
    return queue("integrity/list", "/integrity/list", filters, after,
        Panel.of(IntegrityClient.SERVICE, integrity.listEntries(filters, after, PAGE_SIZE), problems))
        .map(r -> r.modelAttribute("statuses", ENTRY_STATUSES).build());
  }

  private static <T> Mono<Rendering.Builder<?>> queue(String view, String path, Map<String, String> filters,
      String after, Mono<Panel<IntegrityClient.Page<T>>> panel) {
    return panel.map(p -> {
      String first = link(path, filters, null);
      String next = p.ok() && p.data().nextCursor() != null ? link(path, filters, p.data().nextCursor()) : null;
      return Rendering.view(view).modelAttribute("page", p).modelAttribute("filters", filters)
          .modelAttribute("firstLink", after == null || after.isBlank() ? null : first)
          .modelAttribute("nextLink", next);
    });
  }

  /** The page's path with its filters (and the cursor of the next page), encoded. */
  static String link(String path, Map<String, String> filters, String after) {
    UriComponentsBuilder b = UriComponentsBuilder.fromPath(path);
    filters.forEach((name, value) -> {
      if (value != null && !value.isBlank()) {
        b.queryParam(name, value);
      }
    });
    if (after != null) {
      b.queryParam("after", after);
    }
    return b.encode().build().toUriString();
  }

  private static Map<String, String> filters(String... namesAndValues) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      String v = namesAndValues[i + 1];
      m.put(namesAndValues[i], v == null || v.isBlank() ? null : v.trim());
    }
    return m;
  }
}
