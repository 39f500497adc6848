package org.fundflow.integrity.adapter.in.web;

import org.fundflow.platform.web.IfMatch;
import org.fundflow.platform.web.EntityTags;
import org.fundflow.platform.domain.ExpectedVersion;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.fundflow.integrity.adapter.in.web.WebDtos.DecisionRequest;
import org.fundflow.integrity.adapter.in.web.WebDtos.ImportResponse;
import org.fundflow.integrity.adapter.in.web.WebDtos.InterimHoldRequest;
import org.fundflow.integrity.adapter.in.web.WebDtos.LiftHoldRequest;
import org.fundflow.integrity.adapter.in.web.WebDtos.NoteRequest;
import org.fundflow.integrity.adapter.in.web.WebDtos.OpenCaseRequest;
import org.fundflow.integrity.adapter.in.web.WebDtos.OwnHold;
import org.fundflow.integrity.adapter.in.web.WebDtos.OwnHoldsResponse;
import org.fundflow.integrity.adapter.in.web.WebDtos.PersonLookupRequest;
import org.fundflow.integrity.adapter.in.web.WebDtos.RecordResponse;
import org.fundflow.integrity.adapter.in.web.WebDtos.RejectedRow;
import org.fundflow.integrity.application.port.in.CaseUseCase;
import org.fundflow.integrity.application.port.in.HoldUseCase;
import org.fundflow.integrity.application.port.in.ImportDishonestyListUseCase;
import org.fundflow.integrity.application.port.in.ImportDishonestyListUseCase.ImportReport;
import org.fundflow.integrity.application.port.in.ReadIntegrityRecordUseCase;
import org.fundflow.integrity.application.port.in.ReadIntegrityRecordUseCase.RecordView;
import org.fundflow.integrity.domain.CaseFinding;
import org.fundflow.integrity.domain.Hold;
import org.fundflow.integrity.domain.IntegrityCase;
import org.fundflow.integrity.domain.IntegrityException;
import org.fundflow.integrity.domain.Subject;
import org.fundflow.platform.resilience.StoreGuard;
import org.fundflow.platform.security.Caller;
import org.fundflow.platform.validation.ValidOrganisationCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.MediaType;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The integrity officers' and auditors' API: dishonesty list, cases, holds, integrity records. */
@RestController
@Tag(name = "integrity")
public class IntegrityController {

  private static final String OFFICER = "hasRole('INTEGRITY_OFFICER')";
  private static final String OFFICER_OR_AUDITOR = "hasAnyRole('INTEGRITY_OFFICER','AUDITOR')";

  private final ImportDishonestyListUseCase imports;
  private final CaseUseCase cases;
  private final HoldUseCase holds;
  private final ReadIntegrityRecordUseCase records;
  private final StoreGuard guard;

  public IntegrityController(ImportDishonestyListUseCase imports, CaseUseCase cases, HoldUseCase holds,
      ReadIntegrityRecordUseCase records, StoreGuard guard) {
    this.imports = imports;
    this.cases = cases;
    this.holds = holds;
    this.records = records;
    this.guard = guard;
  }

  // ------------------------------------------------------------ dishonesty list

  @Operation(summary = "Import a dishonesty list (CSV body)", description = "Columns: partyType,partyId,partyName,"
      + "misconduct,sanction,authority,legalBasis,effectiveDate,endDate. Bad rows are reported and skipped; "
      + "importing the same list again changes nothing.")
  @PostMapping(path = "/dishonesty-list/imports", consumes = "text/csv")
  @PreAuthorize(OFFICER)
  public Mono<ImportResponse> importCsv(@RequestBody String csv, Caller caller) {
    return guard.protect(imports.importCsv(csv, caller.subject())).map(IntegrityController::response);
  }

  @Operation(summary = "Import a dishonesty list (multipart upload, part 'file')")
  @PostMapping(path = "/dishonesty-list/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @PreAuthorize(OFFICER)
  public Mono<ImportResponse> importUpload(@RequestPart("file") Mono<FilePart> file, Caller caller) {
    return Uploads.text(file)
        .flatMap(csv -> guard.protect(imports.importCsv(csv, caller.subject())))
        .map(IntegrityController::response);
  }

  // ------------------------------------------------------------ records

  @Operation(summary = "The integrity record of an organisation", description = "Program managers read it too: the "
      + "award page shows the organisation's flags and holds before the decision (issue 14 point 5).")
  @GetMapping("/integrity-records/organisations/{organisationCode}")
  @PreAuthorize("hasAnyRole('INTEGRITY_OFFICER','AUDITOR','PROGRAM_MANAGER')")
  public Mono<RecordResponse> organisation(@PathVariable @ValidOrganisationCode String organisationCode) {
    return guard.protect(records.of(Subject.organisation(organisationCode))).map(IntegrityController::response);
  }

  @Operation(summary = "The holds in force on the caller's own organisation (applicant)", description = "Issue 14 "
      + "point 4: the applicant's dashboard shows a hold on its organisation with its end date and what it blocks "
      + "(new submissions and awards, payments). Only the holds in force (ACTIVE), each with its period and what it "
      + "blocks; not the reason, the case or the flag (those are the officers'). The organisation is the token's "
      + "organisation code: another organisation's code is 404, as for its other records.")
  @GetMapping("/organisations/{organisationCode}/holds")
  @PreAuthorize("hasRole('APPLICANT')")
  public Mono<OwnHoldsResponse> ownHolds(@PathVariable @ValidOrganisationCode String organisationCode,
      Caller caller) {
    if (!organisationCode.equals(caller.organisationCode())) {
      return Mono.error(IntegrityException.notFound("organisation", organisationCode));
    }
    return guard.protect(records.of(Subject.organisation(organisationCode))).map(v -> new OwnHoldsResponse(
        organisationCode, v.record().onHold(), v.record().holds().stream().filter(Hold::active)
            .map(h -> new OwnHold(h.holdId(), h.startsAt(), h.endsAt(), Hold.BLOCKS)).toList()));
  }

  @Operation(summary = "The integrity record of a person", description = "The national ID travels in the body (not "
      + "the URL, which is logged) and is hashed at once; it is neither stored nor logged.")
  @PostMapping("/integrity-records/persons/lookup")
  @PreAuthorize(OFFICER_OR_AUDITOR)
  public Mono<RecordResponse> person(@Valid @RequestBody PersonLookupRequest body) {
    return guard.protect(records.ofPerson(body.personId())).map(IntegrityController::response);
  }

  // ------------------------------------------------------------ cases

  @Operation(summary = "Open a case from flags of one subject", description = "With an Idempotency-Key, a retry "
      + "returns the same case; the same key with other flags is 422.")
  @PostMapping("/cases")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize(OFFICER)
  public Mono<IntegrityCase> open(@Valid @RequestBody OpenCaseRequest body,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey, Caller caller) {
    return guard.protect(cases.open(new CaseUseCase.OpenCase(body.flagIds(), body.note(), body.evidenceRefs(),
        caller.subject(), idempotencyKey)));
  }

  @GetMapping("/cases/{caseId}")
  @PreAuthorize(OFFICER_OR_AUDITOR)
  public Mono<ResponseEntity<IntegrityCase>> get(@PathVariable String caseId) {
    return guard.protect(cases.get(caseId)).map(IntegrityController::tagged);
  }

  @Operation(summary = "OPEN -> INVESTIGATING")
  @PostMapping("/cases/{caseId}/investigation")
  @PreAuthorize(OFFICER)
  public Mono<IntegrityCase> investigate(@PathVariable String caseId, @Valid @RequestBody(required = false) NoteRequest body,
      Caller caller) {
    return guard.protect(cases.startInvestigation(caseId, body == null ? null : body.note(), caller.subject()));
  }

  @Operation(summary = "Add a note and evidence references (OPEN or INVESTIGATING)")
  @PostMapping("/cases/{caseId}/notes")
  @PreAuthorize(OFFICER)
  public Mono<IntegrityCase> note(@PathVariable String caseId, @Valid @RequestBody NoteRequest body, Caller caller) {
    return guard.protect(cases.addNote(caseId, body.note(), body.evidenceRefs(), caller.subject()));
  }

  @Operation(summary = "Place a precautionary hold while investigating (lifted again if the case is dismissed)")
  @PostMapping("/cases/{caseId}/interim-holds")
  @PreAuthorize(OFFICER)
  public Mono<IntegrityCase> interimHold(@PathVariable String caseId, @Valid @RequestBody InterimHoldRequest body,
      Caller caller) {
    return guard.protect(cases.placeInterimHold(caseId, body.reason(), body.years(), caller.subject()));
  }

  @Operation(summary = "INVESTIGATING -> CONFIRMED (optionally placing a hold of 1-5 years) | DISMISSED",
      description = "With If-Match (the ETag of GET /cases/{caseId}) the decision is refused with 412 when the case "
          + "changed since it was read.")
  @PostMapping("/cases/{caseId}/decision")
  @PreAuthorize(OFFICER)
  public Mono<ResponseEntity<IntegrityCase>> decide(@PathVariable String caseId,
      @Valid @RequestBody DecisionRequest body,
      @IfMatch(required = false) ExpectedVersion expected, Caller caller) {
    return guard.protect(Mono.defer(() -> cases.decide(new CaseUseCase.Decide(caseId, body.decision(), body.reason(),
        Boolean.TRUE.equals(body.placeHold()), body.holdYears(), caller.subject(), expected,
        body.decision() == CaseUseCase.Decision.CONFIRMED
            ? new CaseFinding(Boolean.TRUE.equals(body.misconduct()), body.projectId(), body.recoveryAmountFen())
            : CaseFinding.NONE))))
        .map(IntegrityController::tagged);
  }

  // ------------------------------------------------------------ holds

  @Operation(summary = "Lift an active hold, with a reason")
  @PostMapping("/holds/{holdId}/lift")
  @PreAuthorize(OFFICER)
  public Mono<Hold> lift(@PathVariable String holdId, @Valid @RequestBody LiftHoldRequest body, Caller caller) {
    return guard.protect(holds.lift(holdId, body.reason(), caller.subject()));
  }

  private static ResponseEntity<IntegrityCase> tagged(IntegrityCase c) {
    return ResponseEntity.ok().eTag(EntityTags.of(c.revision())).body(c);
  }

  private static ImportResponse response(ImportReport r) {
    return new ImportResponse(r.rows(), r.imported(), r.unchanged(),
        r.rejected().stream().map(p -> new RejectedRow(p.row(), p.reason())).toList());
  }

  private static RecordResponse response(RecordView v) {
    return new RecordResponse(v.record().subject(), v.record().onHold(), v.record().flags(), v.record().cases(),
        v.record().holds(), v.listEntries(), v.record().projectFailures());
  }
}
