package org.fundflow.integrity.application.port.in;

import java.time.Instant;
import java.util.List;
import org.fundflow.integrity.domain.CaseStatus;
import org.fundflow.integrity.domain.Flag;
import org.fundflow.integrity.domain.Hold;
import org.fundflow.integrity.domain.HoldStatus;
import org.fundflow.integrity.domain.Severity;
import org.fundflow.integrity.domain.Subject;
import org.fundflow.integrity.domain.SubjectType;
import org.fundflow.integrity.domain.list.DishonestyEntry;
import reactor.core.publisher.Mono;

/**
 * The integrity officers' (and auditors') work queues: flags, cases, holds and the dishonesty-list entries, filtered
 * and keyset-paged (newest first) through the store, never loaded whole.
 */
public interface ListWorkQueuesUseCase {

  /** Where a flag stands: in no case yet ({@code NEW}), or the status of the (latest) case it is part of. */
  enum FlagStatus { NEW, OPEN, INVESTIGATING, CONFIRMED, DISMISSED }

  /** A list entry on a day (Asia/Shanghai): started and not ended, still ahead, or ended. */
  enum ListEntryStatus { IN_FORCE, UPCOMING, ENDED }

  /** Every filter is optional ({@code null} = any); {@code ruleCode} is the rule's code, e.g. DISHONESTY_LIST. */
  record FlagFilter(String ruleCode, Severity severity, FlagStatus status, String organisationCode) {}

  record CaseFilter(CaseStatus status, String organisationCode) {}

  record HoldFilter(HoldStatus status, String organisationCode) {}

  /** {@code authority}: the list's source, the deciding authority as written in the list. */
  record ListEntryFilter(String authority, ListEntryStatus status, SubjectType partyType, String organisationCode) {}

  /** @param after the {@link QueueCursor} of the last item of the page before, or null for the first page */
  record PageRequest(QueueCursor after, int limit) {}

  /** @param nextCursor the cursor of the next page, null on the last page */
  record Page<T>(List<T> items, String nextCursor) {}

  record FlagItem(Flag flag, FlagStatus status, String caseId) {}

  record CaseItem(String caseId, Subject subject, CaseStatus status, Severity severity, List<String> flagIds,
      List<String> holdIds, Instant openedAt, int revision) {}

  record ListEntryItem(DishonestyEntry entry, ListEntryStatus status, Instant importedAt) {}

  Mono<Page<FlagItem>> flags(FlagFilter filter, PageRequest page);

  Mono<Page<CaseItem>> cases(CaseFilter filter, PageRequest page);

  Mono<Page<Hold>> holds(HoldFilter filter, PageRequest page);

  Mono<Page<ListEntryItem>> listEntries(ListEntryFilter filter, PageRequest page);
}
