package org.fundflow.portal.client;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.fundflow.portal.config.ClientsConfig.ServiceClients;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.util.UriBuilder;
import reactor.core.publisher.Mono;

/**
 * integrity-check's REST API as the portal reads it: the work queues, cases, holds, the dishonesty list and the
 * integrity records. The records are the portal's own minimal copies of the responses (a tolerant reader).
 */
@Component
public class IntegrityClient {

  public static final String SERVICE = "integrity-check";

  private final ServiceClient client;

  public IntegrityClient(ServiceClients clients) {
    this.client = clients.get(SERVICE);
  }

  // ------------------------------------------------------------------ queues

  /** Filters by parameter name (rule, severity, status, organisationCode, authority...); blank ones are left out. */
  public Mono<Page<FlagItem>> flags(Map<String, String> filters, String after, int limit) {
    return client.get(u -> query(u.path("/flags"), filters, after, limit),
        new ParameterizedTypeReference<Page<FlagItem>>() {});
  }

  public Mono<Page<CaseItem>> cases(Map<String, String> filters, String after, int limit) {
    return client.get(u -> query(u.path("/cases"), filters, after, limit),
        new ParameterizedTypeReference<Page<CaseItem>>() {});
  }

  public Mono<Page<Hold>> holds(Map<String, String> filters, String after, int limit) {
    return client.get(u -> query(u.path("/holds"), filters, after, limit),
        new ParameterizedTypeReference<Page<Hold>>() {});
  }

  public Mono<Page<ListEntryItem>> listEntries(Map<String, String> filters, String after, int limit) {
    return client.get(u -> query(u.path("/dishonesty-list"), filters, after, limit),
        new ParameterizedTypeReference<Page<ListEntryItem>>() {});
  }

  private static java.net.URI query(UriBuilder u, Map<String, String> filters, String after, int limit) {
    filters.forEach((name, value) -> {
      if (value != null && !value.isBlank()) {
        u.queryParam(name, "{" + name + "}");
      }
    });
    u.queryParamIfPresent("after", Optional.ofNullable(after).filter(a -> !a.isBlank()).map(a -> "{after}"))
        .queryParam("limit", limit);
    Map<String, Object> values = new LinkedHashMap<>(filters);
    values.put("after", after);
    return u.build(values);
  }

  // ------------------------------------------------------------------ cases and holds

  /** A case with its entity tag (If-Match for the next step). */
  // ---------------------------------------------------------------- the applicant's own organisation (issue 14 point 4)

  /** A hold in force on the applicant's own organisation: its period and what it blocks. */
  public record OwnHold(String holdId, Instant startsAt, Instant endsAt, List<String> blocks) {
    public OwnHold {
      blocks = blocks == null ? List.of() : blocks;
    }
  }

  public record OwnHolds(String organisationCode, boolean onHold, List<OwnHold> holds) {
    public OwnHolds {
      holds = holds == null ? List.of() : holds;
    }
  }

  /** The holds in force on the caller's own organisation (integrity-check answers 404 for another organisation). */
  public Mono<OwnHolds> ownHolds(String organisationCode) {
    return client.get(u -> u.path("/organisations/{code}/holds").build(organisationCode), OwnHolds.class);
  }

  // ---------------------------------------------------------------- case evidence files (issue 15 point 7)

  /** A case's stored evidence file, with who added it and when. */
  public record CaseFile(String fileId, String caseId, String name, String mediaType, long sizeBytes, String sha256,
      String uploadedBy, Instant uploadedAt, String href) {}

  public Mono<List<CaseFile>> caseFiles(String caseId) {
    return client.get(u -> u.path("/cases/{id}/evidence").build(caseId), new ParameterizedTypeReference<List<CaseFile>>() {});
  }

  /** Streams the browser's file part through to the service (part {@code file}); the service checks type and size. */
  public Mono<CaseFile> uploadCaseFile(String caseId, org.springframework.http.codec.multipart.FilePart file) {
    return client.uploadFile(u -> u.path("/cases/{id}/evidence").build(caseId), file, CaseFile.class);
  }

  public Mono<org.springframework.http.ResponseEntity<reactor.core.publisher.Flux<org.springframework.core.io.buffer.DataBuffer>>>
      downloadCaseFile(String caseId, String fileId, HttpHeaders request) {
    return client.download(u -> u.path("/cases/{id}/evidence/{f}").build(caseId, fileId), request);
  }

  public Mono<Tagged<IntegrityCase>> caseById(String caseId) {
    return client.exchange(HttpMethod.GET, u -> u.path("/cases/{id}").build(caseId), h -> {}, null, IntegrityCase.class)
        .map(r -> new Tagged<>(r.getBody(), r.getHeaders().getETag()));
  }

  public Mono<IntegrityCase> openCase(List<String> flagIds, String note, String idempotencyKey) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("flagIds", flagIds);
    if (note != null && !note.isBlank()) {
      body.put("note", note);
    }
    return post(u -> u.path("/cases").build(), body, null, idempotencyKey, IntegrityCase.class);
  }

  /** One step of a case ({@code investigation}, {@code notes}, {@code interim-holds}, {@code decision}). */
  public Mono<IntegrityCase> caseStep(String caseId, String step, Map<String, Object> body, String etag,
      String idempotencyKey) {
    return post(u -> u.path("/cases/{id}/{step}").build(caseId, step), body, etag, idempotencyKey, IntegrityCase.class);
  }

  public Mono<Hold> liftHold(String holdId, String reason, String idempotencyKey) {
    return post(u -> u.path("/holds/{id}/lift").build(holdId), Map.of("reason", reason == null ? "" : reason), null,
        idempotencyKey, Hold.class);
  }

  private <T> Mono<T> post(java.util.function.Function<UriBuilder, java.net.URI> uri, Object body, String etag,
      String idempotencyKey, Class<T> type) {
    return client.exchange(HttpMethod.POST, uri, h -> {
      h.setContentType(MediaType.APPLICATION_JSON);
      if (etag != null && !etag.isBlank()) {
        h.set(HttpHeaders.IF_MATCH, etag);
      }
      if (idempotencyKey != null && !idempotencyKey.isBlank()) {
        h.set("Idempotency-Key", idempotencyKey);
      }
    }, BodyInserters.fromValue(body), type).map(r -> r.getBody());
  }

  // ------------------------------------------------------------------ dishonesty list

  /** The dry run: what importing this CSV would do; nothing changes. */
  public Mono<ImportReport> previewImport(byte[] csv) {
    return upload("/dishonesty-list/imports/preview", csv);
  }

  public Mono<ImportReport> importList(byte[] csv) {
    return upload("/dishonesty-list/imports", csv);
  }

  private Mono<ImportReport> upload(String path, byte[] csv) {
    MultipartBodyBuilder parts = new MultipartBodyBuilder();
    parts.part("file", new ByteArrayResource(csv) {
      @Override
      public String getFilename() {
        return "dishonesty-list-" + UUID.randomUUID() + ".csv";
      }
    }).contentType(MediaType.parseMediaType("text/csv"));
    return client.exchange(HttpMethod.POST, u -> u.path(path).build(), h -> {},
        BodyInserters.fromMultipartData(parts.build()), ImportReport.class).map(r -> r.getBody());
  }

  // ------------------------------------------------------------------ integrity records

  public Mono<IntegrityRecord> organisationRecord(String organisationCode) {
    return client.get(u -> u.path("/integrity-records/organisations/{code}").build(organisationCode),
        IntegrityRecord.class);
  }

  /** The national ID travels in the body, never in a URL, and is not kept by the portal. */
  public Mono<IntegrityRecord> personRecord(String personId) {
    return post(u -> u.path("/integrity-records/persons/lookup").build(), Map.of("personId", personId), null, null,
        IntegrityRecord.class);
  }

  // ------------------------------------------------------------------ the answers

  public record Page<T>(List<T> items, String nextCursor) {
    public Page {
      items = items == null ? List.of() : items;
    }
  }

  public record Tagged<T>(T body, String etag) {}

  public record Subject(String type, String id) {}

  public record Rule(String code, String name, Integer version) {}

  public record Evidence(String eventId, String eventType, String description, Map<String, Object> values) {}

  public record Flag(String flagId, Rule rule, Subject subject, String severity, List<Evidence> evidence,
      Instant raisedAt) {
    public Flag {
      evidence = evidence == null ? List.of() : evidence;
    }
  }

  public record FlagItem(Flag flag, String status, String caseId) {}

  public record CaseItem(String caseId, Subject subject, String status, String severity, List<String> flagIds,
      List<String> holdIds, Instant openedAt, Integer revision) {}

  public record CaseStep(String action, String statusAfter, String by, Instant at, String note,
      List<String> evidenceRefs) {
    public CaseStep {
      evidenceRefs = evidenceRefs == null ? List.of() : evidenceRefs;
    }
  }

  /** What a confirmed case found (追回, issue 17): misconduct, the project and the amount to recover. */
  public record CaseFinding(boolean misconduct, String projectId, Long recoveryAmountFen) {}

  public record IntegrityCase(String caseId, Subject subject, List<String> flagIds, String status, String severity,
      List<CaseStep> steps, String decisionReason, List<String> holdIds, CaseFinding finding) {
    public IntegrityCase {
      flagIds = flagIds == null ? List.of() : flagIds;
      steps = steps == null ? List.of() : steps;
      holdIds = holdIds == null ? List.of() : holdIds;
    }
  }

  public record Hold(String holdId, Subject subject, String reason, String caseId, String flagId, Instant startsAt,
      Instant endsAt, String placedBy, Instant placedAt, String status, String liftReason, String liftNote,
      String liftedBy, Instant liftedAt) {
    public boolean active() {
      return "ACTIVE".equals(status);
    }
  }

  public record ListEntry(String entryId, Subject party, String partyName, String maskedPersonId, String misconduct,
      String sanction, String authority, String legalBasis, LocalDate effectiveDate, LocalDate endDate) {}

  public record ListEntryItem(ListEntry entry, String status, Instant importedAt) {}

  public record RejectedRow(int row, String reason) {}

  /** The import's answer, or the preview's (which also says how many parties on it are known: {@code knownParties}). */
  public record ImportReport(int rows, int imported, int unchanged, List<RejectedRow> rejected, Integer knownParties) {
    public ImportReport {
      rejected = rejected == null ? List.of() : rejected;
    }
  }

  /** The program manager's diligence assessment of a terminated project (尽职免责, issue 17). */
  public record Diligence(boolean diligent, boolean misconduct, String explanation, List<String> evidenceRefs,
      String assessedBy, Instant assessedAt, String eventId) {}

  /** A terminated project: AWAITING_ASSESSMENT, EXEMPTED (尽职免责: no flag) or FLAGGED (flagId). */
  public record ProjectFailure(String projectId, String programId, String reason, Instant terminatedAt, String status,
      Diligence diligence, String flagId) {}

  public record IntegrityRecord(Subject subject, boolean onHold, List<Flag> flags, List<IntegrityCase> cases,
      List<Hold> holds, List<ListEntry> listEntries, List<ProjectFailure> projectFailures) {
    public IntegrityRecord {
      projectFailures = projectFailures == null ? List.of() : projectFailures;
      flags = flags == null ? List.of() : flags;
      cases = cases == null ? List.of() : cases;
      holds = holds == null ? List.of() : holds;
      listEntries = listEntries == null ? List.of() : listEntries;
    }
  }
}
