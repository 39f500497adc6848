package org.fundflow.integrity.adapter.in.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.fundflow.integrity.application.port.in.ListWorkQueuesUseCase;
import org.fundflow.integrity.application.port.in.ListWorkQueuesUseCase.CaseFilter;
import org.fundflow.integrity.application.port.in.ListWorkQueuesUseCase.CaseItem;
import org.fundflow.integrity.application.port.in.ListWorkQueuesUseCase.FlagFilter;
import org.fundflow.integrity.application.port.in.ListWorkQueuesUseCase.FlagItem;
import org.fundflow.integrity.application.port.in.ListWorkQueuesUseCase.FlagStatus;
import org.fundflow.integrity.application.port.in.ListWorkQueuesUseCase.HoldFilter;
import org.fundflow.integrity.application.port.in.ListWorkQueuesUseCase.ListEntryFilter;
import org.fundflow.integrity.application.port.in.ListWorkQueuesUseCase.ListEntryItem;
import org.fundflow.integrity.application.port.in.ListWorkQueuesUseCase.ListEntryStatus;
import org.fundflow.integrity.application.port.in.ListWorkQueuesUseCase.Page;
import org.fundflow.integrity.application.port.in.ListWorkQueuesUseCase.PageRequest;
import org.fundflow.integrity.application.port.in.QueueCursor;
import org.fundflow.integrity.domain.CaseStatus;
import org.fundflow.integrity.domain.Hold;
import org.fundflow.integrity.domain.HoldStatus;
import org.fundflow.integrity.domain.RuleRef;
import org.fundflow.integrity.domain.Severity;
import org.fundflow.integrity.domain.SubjectType;
import org.fundflow.platform.problem.Problems;
import org.fundflow.platform.resilience.StoreGuard;
import org.fundflow.platform.validation.ValidOrganisationCode;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The work queues of integrity officers and auditors: flags, cases, holds and dishonesty-list entries, newest first,
 * keyset-paged (pass {@code nextCursor} as {@code after} for the next page; null on the last page).
 */
@RestController
@Tag(name = "integrity work queues")
public class WorkQueueController {

  static final String OFFICER_OR_AUDITOR = "hasAnyRole('INTEGRITY_OFFICER','AUDITOR')";

  /** The rules a flag can name, by code. */
  static final List<String> RULE_CODES = List.of(RuleRef.DUPLICATE_APPLICATION, RuleRef.DISHONESTY_LIST,
      RuleRef.PAID_WHILE_LISTED_OR_HELD, RuleRef.CONFLICT_OF_INTEREST, RuleRef.PROJECT_FAILED,
      RuleRef.EXPENDITURE_ANOMALY).stream().map(RuleRef::code).toList();

  private final ListWorkQueuesUseCase queues;
  private final StoreGuard guard;

  public WorkQueueController(ListWorkQueuesUseCase queues, StoreGuard guard) {
    this.queues = queues;
    this.guard = guard;
  }

  @Operation(summary = "Flags, newest first, by rule, severity, status and organisation",
      description = "status: NEW (in no case yet) or the status of the case the flag is part of.")
  @GetMapping("/flags")
  @PreAuthorize(OFFICER_OR_AUDITOR)
  public Mono<Page<FlagItem>> flags(
      @Parameter(description = "rule code, e.g. DISHONESTY_LIST") @RequestParam(required = false) String rule,
      @RequestParam(required = false) Severity severity, @RequestParam(required = false) FlagStatus status,
      @RequestParam(required = false) @ValidOrganisationCode String organisationCode,
      @RequestParam(required = false) @Size(max = 400) String after,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
    if (rule != null && !RULE_CODES.contains(rule)) {
      return Mono.error(Problems.invalid("rule", "must be one of " + String.join(", ", RULE_CODES)));
    }
    return page(after, limit).flatMap(p -> guard.protect(
        queues.flags(new FlagFilter(rule, severity, status, organisationCode), p)));
  }

  @Operation(summary = "Cases, newest opened first, by status and organisation")
  @GetMapping("/cases")
  @PreAuthorize(OFFICER_OR_AUDITOR)
  public Mono<Page<CaseItem>> cases(@RequestParam(required = false) CaseStatus status,
      @RequestParam(required = false) @ValidOrganisationCode String organisationCode,
      @RequestParam(required = false) @Size(max = 400) String after,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
    return page(after, limit).flatMap(p -> guard.protect(queues.cases(new CaseFilter(status, organisationCode), p)));
  }

  @Operation(summary = "Holds, newest first, ACTIVE or LIFTED, by organisation")
  @GetMapping("/holds")
  @PreAuthorize(OFFICER_OR_AUDITOR)
  public Mono<Page<Hold>> holds(@RequestParam(required = false) HoldStatus status,
      @RequestParam(required = false) @ValidOrganisationCode String organisationCode,
      @RequestParam(required = false) @Size(max = 400) String after,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
    return page(after, limit).flatMap(p -> guard.protect(queues.holds(new HoldFilter(status, organisationCode), p)));
  }

  @Operation(summary = "Dishonesty-list entries, last imported first",
      description = "authority: the list's source as written in it; status on today's date (Asia/Shanghai): "
          + "IN_FORCE, UPCOMING or ENDED. A person is shown by the masked ID only.")
  @GetMapping("/dishonesty-list")
  @PreAuthorize(OFFICER_OR_AUDITOR)
  public Mono<Page<ListEntryItem>> listEntries(@RequestParam(required = false) @Size(max = 200) String authority,
      @RequestParam(required = false) ListEntryStatus status, @RequestParam(required = false) SubjectType partyType,
      @RequestParam(required = false) @ValidOrganisationCode String organisationCode,
      @RequestParam(required = false) @Size(max = 400) String after,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
    return page(after, limit).flatMap(p -> guard.protect(
        queues.listEntries(new ListEntryFilter(authority, status, partyType, organisationCode), p)));
  }

  private static Mono<PageRequest> page(String after, int limit) {
    try {
      return Mono.just(new PageRequest(after == null || after.isBlank() ? null : QueueCursor.decode(after), limit));
    } catch (IllegalArgumentException e) {
      return Mono.error(Problems.invalid("after", e.getMessage()));
    }
  }
}
