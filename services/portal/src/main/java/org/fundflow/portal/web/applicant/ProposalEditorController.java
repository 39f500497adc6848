package org.fundflow.portal.web.applicant;

import java.util.List;
import java.util.UUID;
import org.fundflow.portal.client.IntakeClient;
import org.fundflow.portal.client.IntakeClient.Challenge;
import org.fundflow.portal.client.IntakeClient.Program;
import org.fundflow.portal.client.IntakeClient.Proposal;
import org.fundflow.portal.client.IntakeClient.ProposalFile;
import org.fundflow.portal.client.Panel;
import org.fundflow.portal.client.ProblemMessages;
import org.fundflow.portal.client.ServiceProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The proposal editor: a draft created for a program (and challenge), edited, given files, and submitted with the
 * integrity pledge. Every rule is project-intake's: the portal sends what was typed (amounts converted from yuan to
 * fen) and shows the service's refusal next to the fields. A submission carries the Idempotency-Key rendered into its
 * form, so a double click or a retried request submits once.
 */
@Controller
@RequestMapping("/applicant/proposals")
public class ProposalEditorController {

  private final IntakeClient intake;
  private final EditorProblems editorProblems;
  private final ProblemMessages problems;

  public ProposalEditorController(IntakeClient intake, EditorProblems editorProblems, ProblemMessages problems) {
    this.intake = intake;
    this.editorProblems = editorProblems;
    this.problems = problems;
  }

  /** What the draft is for. */
  public record Call(Program program, Challenge challenge) {}

  @GetMapping("/new")
  Mono<Rendering> newDraft(@RequestParam String programId, @RequestParam(required = false) String challengeId,
      @AuthenticationPrincipal OidcUser user) {
    return call(programId, challengeId)
        .map(call -> editor(call, ProposalForm.empty(user.getClaimAsString("org_code")), null, null, null).build());
  }

  @PostMapping("/new")
  Mono<Rendering> create(ServerWebExchange exchange) {
    return exchange.getFormData().flatMap(in -> {
      String programId = in.getFirst("programId");
      String challengeId = blankToNull(in.getFirst("challengeId"));
      ProposalForm.Reading reading = ProposalForm.read(in, programId, challengeId);
      Mono<Rendering> again = call(programId, challengeId).map(call -> editor(call, reading.form(), null, null, null)
          .build());
      if (!reading.readable()) {
        return again;
      }
      return intake.createDraft(reading.draft())
          .map(p -> redirect("/applicant/proposals/" + p.id() + "/edit?saved=1"))
          .onErrorResume(ServiceProblem.class, e -> e.notFound() ? Mono.error(e)
              : call(programId, challengeId).map(call -> editor(call,
                  reading.form().withErrors(editorProblems.errors(e)), null, null, null).build()));
    });
  }

  @GetMapping("/{id}/edit")
  Mono<Rendering> edit(@PathVariable String id, @RequestParam(required = false) String saved) {
    return intake.proposal(id).flatMap(p -> draftOnly(p, () -> editPage(p, ProposalForm.of(p), saved != null, null)));
  }

  @PostMapping("/{id}/edit")
  Mono<Rendering> save(@PathVariable String id, ServerWebExchange exchange) {
    return Mono.zip(intake.proposal(id), exchange.getFormData()).flatMap(both -> draftOnly(both.getT1(), () -> {
      Proposal p = both.getT1();
      ProposalForm.Reading reading = ProposalForm.read(both.getT2(), p.programId(), p.challengeId());
      if (!reading.readable()) {
        return editPage(p, reading.form(), false, null);
      }
      return intake.editDraft(id, reading.draft())
          .map(saved -> redirect("/applicant/proposals/" + id + "/edit?saved=1"))
          .onErrorResume(ServiceProblem.class, e -> e.notFound() ? Mono.error(e)
              : editPage(p, reading.form().withErrors(editorProblems.errors(e)), false, null));
    }));
  }

  @PostMapping("/{id}/files")
  Mono<Rendering> upload(@PathVariable String id, ServerWebExchange exchange) {
    return exchange.getMultipartData().flatMap(parts -> {
      Part part = parts.getFirst("file");
      if (!(part instanceof FilePart file) || file.filename().isBlank()) {
        return intake.proposal(id).flatMap(p -> editPage(p, ProposalForm.of(p), false, "applicant.files.choose"));
      }
      return intake.upload(id, file)
          .map(stored -> redirect("/applicant/proposals/" + id + "/edit#files"))
          .onErrorResume(ServiceProblem.class, e -> e.notFound() ? Mono.error(e)
              : intake.proposal(id).flatMap(p -> editPage(p, ProposalForm.of(p), false, problems.key(e))));
    });
  }

  @PostMapping("/{id}/files/{fileId}/delete")
  Mono<Rendering> deleteFile(@PathVariable String id, @PathVariable String fileId) {
    return intake.deleteFile(id, fileId).thenReturn(redirect("/applicant/proposals/" + id + "/edit#files"));
  }

  /** The pledge page: one Idempotency-Key per rendered form, so the same form sent twice submits once. */
  @GetMapping("/{id}/submit")
  Mono<Rendering> confirm(@PathVariable String id) {
    return intake.proposal(id).flatMap(p -> draftOnly(p, () -> Mono.just(submitPage(p, UUID.randomUUID().toString(),
        null, null).build())));
  }

  @PostMapping("/{id}/submit")
  Mono<Rendering> submit(@PathVariable String id, ServerWebExchange exchange) {
    return exchange.getFormData().flatMap(in -> {
      String key = in.getFirst("idempotencyKey");
      if (key == null || key.isBlank()) {
        return Mono.just(redirect("/applicant/proposals/" + id + "/submit"));
      }
      boolean accepted = "true".equals(in.getFirst("pledgeAccepted"));
      return intake.submit(id, key, accepted, in.getFirst("pledgeVersion"))
          .map(p -> redirect("/applicant/proposals/" + id + "?submitted=1"))
          .onErrorResume(ServiceProblem.class, e -> e.notFound() ? Mono.error(e)
              : intake.proposal(id).map(p -> submitPage(p, key, problems.key(e), e.extension("holdEndDate"))
                  .status(HttpStatus.OK).build()));
    });
  }

  private Mono<Rendering> draftOnly(Proposal p, java.util.function.Supplier<Mono<Rendering>> page) {
    if (!"DRAFT".equals(p.status())) {
      return Mono.just(redirect("/applicant/proposals/" + p.id()));
    }
    return page.get();
  }

  private Mono<Rendering> editPage(Proposal p, ProposalForm form, boolean saved, String fileProblem) {
    return Mono.zip(call(p.programId(), p.challengeId()),
            Panel.of(IntakeClient.SERVICE, intake.files(p.id()), problems))
        .map(t -> editor(t.getT1(), form, p, t.getT2(), fileProblem).modelAttribute("saved", saved).build());
  }

  private static Rendering.Builder<?> editor(Call call, ProposalForm form, Proposal draft, Panel<List<ProposalFile>> files,
      String fileProblem) {
    return Rendering.view("applicant/editor")
        .modelAttribute("call", call)
        .modelAttribute("form", form.padded())
        .modelAttribute("draft", draft)
        .modelAttribute("files", files)
        .modelAttribute("fileProblem", fileProblem)
        .modelAttribute("formProblem", form.error(EditorProblems.FORM))
        .modelAttribute("hasErrors", !form.errors().isEmpty());
  }

  private static Rendering.Builder<?> submitPage(Proposal p, String key, String problemKey, String holdEndDate) {
    return Rendering.view("applicant/submit")
        .modelAttribute("proposal", p)
        .modelAttribute("idempotencyKey", key)
        .modelAttribute("problem", problemKey)
        .modelAttribute("holdEndDate", holdEndDate);
  }

  private Mono<Call> call(String programId, String challengeId) {
    Mono<Program> program = intake.program(programId);
    if (challengeId == null) {
      return program.map(p -> new Call(p, null));
    }
    return Mono.zip(program, intake.challenge(challengeId)).map(t -> new Call(t.getT1(), t.getT2()));
  }

  private static Rendering redirect(String to) {
    return Rendering.redirectTo(to).status(HttpStatus.SEE_OTHER).build();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
