package org.fundflow.portal.web.applicant;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fundflow.portal.client.ClaimsClient;
import org.fundflow.portal.client.ClaimsClient.SubmitClaim;
import org.fundflow.portal.client.IntakeClient;
import org.fundflow.portal.client.Panel;
import org.fundflow.portal.client.ProblemMessages;
import org.fundflow.portal.client.ServiceProblem;
import org.fundflow.portal.client.SubsidyClient;
import org.fundflow.portal.format.Money;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The applicant's expenditure claims (post-subsidy, 研发投入后补助): the list, a claim submitted with its audited
 * figures, and the claim's evidence files (audited financial statement, tax form; issue 15 point 7) uploaded while
 * finance has not decided. The portal decides nothing: post-subsidy checks the program, the year, the amounts, the
 * file's type and size, and whose claim it is.
 */
@Controller
@RequestMapping("/applicant/claims")
public class ClaimsController {

  static final int PAGE_SIZE = 10;

  private final ClaimsClient claims;
  private final IntakeClient intake;
  private final ProblemMessages problems;

  public ClaimsController(ClaimsClient claims, IntakeClient intake, ProblemMessages problems) {
    this.claims = claims;
    this.intake = intake;
    this.problems = problems;
  }

  /** What the form had, and what was wrong with it (message keys per field, one for the form). */
  public record ClaimForm(String programId, String fiscalYear, String thisYear, String lastYear, String auditReference,
      Map<String, String> errors, String problem) {
    static ClaimForm empty() {
      return new ClaimForm("", "", "", "", "", Map.of(), null);
    }

    public String error(String field) {
      return errors.get(field);
    }
  }

  @GetMapping
  Mono<Rendering> list(@RequestParam(required = false) String after) {
    return listPage(after, ClaimForm.empty(), HttpStatus.OK);
  }

  @PostMapping
  Mono<Rendering> submit(ServerWebExchange exchange) {
    return exchange.getFormData().flatMap(in -> {
      ClaimForm typed = new ClaimForm(value(in, "programId"), value(in, "fiscalYear"), value(in, "thisYear"),
          value(in, "lastYear"), value(in, "auditReference"), Map.of(), null);
      Map<String, String> errors = new LinkedHashMap<>();
      Long thisYear = fen(typed.thisYear(), "thisYear", errors);
      Long lastYear = fen(typed.lastYear(), "lastYear", errors);
      Integer year = typed.fiscalYear().matches("\\d{4}") ? Integer.valueOf(typed.fiscalYear()) : null;
      if (year == null) {
        errors.put("fiscalYear", "applicant.claims.field.fiscalYear.invalid");
      }
      if (!errors.isEmpty()) {
        return listPage(null, withErrors(typed, errors, null), HttpStatus.BAD_REQUEST);
      }
      return claims.submit(new SubmitClaim(typed.programId(), year, thisYear, lastYear, typed.auditReference()))
          .map(c -> Rendering.redirectTo("/applicant/claims/" + c.id()).status(HttpStatus.SEE_OTHER).build())
          .onErrorResume(ServiceProblem.class, e -> listPage(null, withErrors(typed, fieldErrors(e), problems.key(e)),
              HttpStatus.valueOf(e.status())));
    });
  }

  /** Another organisation's claim is a 404 from post-subsidy: the not-found page. */
  @GetMapping("/{id}")
  Mono<Rendering> claim(@PathVariable String id) {
    return claimPage(id, null, HttpStatus.OK);
  }

  /**
   * Uploads one evidence file, streamed through (the multipart reader keeps a large part on disk; the client streams
   * its buffers on). A refusal (413, 415, 400, 409 once decided) is shown next to the file field.
   */
  @PostMapping("/{id}/evidence")
  Mono<Rendering> upload(@PathVariable String id, ServerWebExchange exchange) {
    return exchange.getMultipartData().flatMap(parts -> {
      Part part = parts.getFirst("file");
      if (!(part instanceof FilePart file) || file.filename().isBlank()) {
        return claimPage(id, "applicant.files.choose", HttpStatus.BAD_REQUEST);
      }
      return claims.upload(id, file)
          .map(stored -> Rendering.redirectTo("/applicant/claims/" + id + "#evidence").status(HttpStatus.SEE_OTHER)
              .build())
          .onErrorResume(ServiceProblem.class, e -> e.notFound() ? Mono.error(e)
              : claimPage(id, problems.key(e), HttpStatus.valueOf(e.status())));
    });
  }

  /** A claim's file streamed from post-subsidy with its name, type, length and ETag. */
  @GetMapping("/{id}/evidence/{fileId}")
  @ResponseBody
  Mono<ResponseEntity<Flux<DataBuffer>>> file(@PathVariable String id, @PathVariable String fileId,
      ServerWebExchange exchange) {
    return claims.download(id, fileId, exchange.getRequest().getHeaders());
  }

  private Mono<Rendering> claimPage(String id, String evidenceProblem, HttpStatus status) {
    return claims.claim(id).flatMap(c -> Panel.of(SubsidyClient.SERVICE, claims.files(id), problems)
        .map(files -> Rendering.view("applicant/claim").modelAttribute("claim", c).modelAttribute("files", files)
            .modelAttribute("evidenceProblem", evidenceProblem).status(status).build()));
  }

  private Mono<Rendering> listPage(String after, ClaimForm form, HttpStatus status) {
    Mono<List<IntakeClient.Program>> programs = intake.programs("OPEN", "POST_SUBSIDY", null, 100)
        .map(IntakeClient.Page::items);
    return Mono.zip(Panel.of(SubsidyClient.SERVICE, claims.claims(after, PAGE_SIZE), problems),
            Panel.of(IntakeClient.SERVICE, programs, problems))
        .map(t -> Rendering.view("applicant/claims").modelAttribute("claims", t.getT1())
            .modelAttribute("programs", t.getT2()).modelAttribute("form", form).modelAttribute("after", after)
            .status(status).build());
  }

  private static ClaimForm withErrors(ClaimForm f, Map<String, String> errors, String problem) {
    return new ClaimForm(f.programId(), f.fiscalYear(), f.thisYear(), f.lastYear(), f.auditReference(), errors,
        problem);
  }

  /** The service's field errors on the form's fields (a message key per field: the portal's own texts). */
  private static Map<String, String> fieldErrors(ServiceProblem e) {
    Map<String, String> errors = new LinkedHashMap<>();
    Map<String, String> names = Map.of("programId", "programId", "fiscalYear", "fiscalYear",
        "expenditureThisYearFen", "thisYear", "expenditureLastYearFen", "lastYear",
        "auditReportReference", "auditReference");
    e.fieldErrors().keySet().forEach(field -> {
      String name = names.get(field);
      if (name != null) {
        errors.put(name, "applicant.claims.field." + name + ".invalid");
      }
    });
    return errors;
  }

  private static Long fen(String typed, String field, Map<String, String> errors) {
    try {
      return typed.matches("[0０]+([.．][0０]{1,2})?") ? 0L : Money.parseYuanToFen(typed);
    } catch (Money.InvalidAmount e) {
      errors.put(field, "money.invalid." + e.reason());
      return null;
    }
  }

  private static String value(MultiValueMap<String, String> in, String name) {
    String v = in.getFirst(name);
    return v == null ? "" : v.strip();
  }
}
