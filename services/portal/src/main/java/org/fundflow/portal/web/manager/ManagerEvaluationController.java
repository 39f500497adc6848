package org.fundflow.portal.web.manager;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fundflow.portal.client.EvaluationClient;
import org.fundflow.portal.client.EvaluationClient.EvaluateBody;
import org.fundflow.portal.client.EvaluationClient.EvaluationFile;
import org.fundflow.portal.client.EvaluationClient.RatingBody;
import org.fundflow.portal.client.EvaluationClient.Sheet;
import org.fundflow.portal.client.MilestoneClient;
import org.fundflow.portal.client.Panel;
import org.fundflow.portal.client.ProblemMessages;
import org.fundflow.portal.client.ServiceProblem;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * 绩效评价 (issue 17 point 6): the panel's rating form of a completed CHALLENGE project (the program manager records
 * the panel, one rating per target indicator with its evidence and files uploaded here), and the summary per program
 * for the bureau. Auditors read both pages (GET), the forms are the program manager's; milestone-review decides every
 * rule (completed, challenge, panel, once) and the page shows its refusal next to the field or above the form.
 */
@Controller
public class ManagerEvaluationController {

  /** At most this many indicators are read from a posted form (a challenge has a handful). */
  static final int MAX_INDICATORS = 100;

  private final EvaluationClient evaluations;
  private final ProblemMessages problems;

  public ManagerEvaluationController(EvaluationClient evaluations, ProblemMessages problems) {
    this.evaluations = evaluations;
    this.problems = problems;
  }

  /** A refused form shown again with what was typed; {@code fileProblem}: an upload's refusal. */
  public record Refused(FormErrors errors, MultiValueMap<String, String> values, String fileProblem) {
    public String value(String field) {
      String v = values == null ? null : values.getFirst(field);
      return v == null ? "" : v;
    }

    public boolean checked(String field, String value) {
      return values != null && values.getOrDefault(field, List.of()).contains(value);
    }
  }

  @GetMapping("/manager/projects/{projectId}/evaluation")
  Mono<Rendering> sheet(@PathVariable String projectId) {
    return page(projectId, null, HttpStatus.OK);
  }

  @PostMapping("/manager/projects/{projectId}/evaluation")
  Mono<Rendering> evaluate(@PathVariable String projectId, ServerWebExchange exchange) {
    return exchange.getFormData().flatMap(in -> {
      int count = Math.min(MAX_INDICATORS, number(in.getFirst("count")));
      List<RatingBody> ratings = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        String rating = text(in.getFirst("rating-" + i));
        List<String> files = in.getOrDefault("files-" + i, List.of()).stream().filter(f -> !f.isBlank()).toList();
        ratings.add(new RatingBody(i, rating.isEmpty() ? null : rating, text(in.getFirst("evidence-" + i)), files));
      }
      List<String> panel = Arrays.stream(text(in.getFirst("panel")).split("[\\s,，;；]+"))
          .filter(s -> !s.isBlank()).toList();
      String conclusion = text(in.getFirst("conclusion"));
      return evaluations.evaluate(projectId, new EvaluateBody(panel, ratings, conclusion.isEmpty() ? null : conclusion))
          .map(e -> Rendering.redirectTo("/manager/projects/" + projectId + "/evaluation#evaluation")
              .status(HttpStatus.SEE_OTHER).build())
          .onErrorResume(ServiceProblem.class, e -> e.notFound() || e.status() == 403 ? Mono.error(e)
              : page(projectId, new Refused(errors(e), in, null),
                  HttpStatus.valueOf(e.status())));
    });
  }

  /** An evidence file for the evaluation, streamed through to milestone-review; its refusal shown by the file field. */
  @PostMapping("/manager/projects/{projectId}/evaluation/files")
  Mono<Rendering> upload(@PathVariable String projectId, ServerWebExchange exchange) {
    return exchange.getMultipartData().flatMap(parts -> {
      Part part = parts.getFirst("file");
      if (!(part instanceof FilePart file) || file.filename().isBlank()) {
        return page(projectId, new Refused(FormErrors.none(), null, "applicant.files.choose"), HttpStatus.BAD_REQUEST);
      }
      return evaluations.upload(projectId, file)
          .map(f -> Rendering.redirectTo("/manager/projects/" + projectId + "/evaluation#files")
              .status(HttpStatus.SEE_OTHER).build())
          .onErrorResume(ServiceProblem.class, e -> e.notFound() || e.status() == 403 ? Mono.error(e)
              : page(projectId, new Refused(FormErrors.none(), null, problems.key(e)), HttpStatus.valueOf(e.status())));
    });
  }

  @GetMapping("/manager/projects/{projectId}/evaluation/files/{fileId}")
  @ResponseBody
  Mono<ResponseEntity<Flux<DataBuffer>>> file(@PathVariable String projectId, @PathVariable String fileId,
      ServerWebExchange exchange) {
    return evaluations.download(projectId, fileId, exchange.getRequest().getHeaders());
  }

  /** The bureau's summary: per program, the completed challenge projects and their ratings. */
  @GetMapping("/manager/evaluations")
  Mono<Rendering> summary(@RequestParam(required = false) String programId) {
    String program = programId == null || programId.isBlank() ? null : programId.strip();
    return Panel.of(MilestoneClient.SERVICE, evaluations.summary(program), problems)
        .map(summary -> Rendering.view("manager/evaluations").modelAttribute("summary", summary)
            .modelAttribute("programId", program == null ? "" : program).build());
  }

  private Mono<Rendering> page(String projectId, Refused refused, HttpStatus status) {
    return evaluations.sheet(projectId).flatMap(sheet -> filesOf(sheet)
        .map(files -> Rendering.view("manager/evaluation").modelAttribute("sheet", sheet)
            .modelAttribute("files", files)
            .modelAttribute("refused", refused == null ? new Refused(FormErrors.none(), null, null) : refused)
            .status(status).build()));
  }

  private Mono<List<EvaluationFile>> filesOf(Sheet sheet) {
    return sheet.open() ? evaluations.files(sheet.projectId()) : Mono.just(List.of());
  }

  static final java.util.regex.Pattern RATING_FIELD =
      java.util.regex.Pattern.compile("^ratings\\[(\\d+)]\\.(rating|evidence|evidenceFileIds).*");

  /** The service's field errors as the form's fields, each with its message; the problem as a whole above the form. */
  private FormErrors errors(ServiceProblem e) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String field : e.fieldErrors().keySet()) {
      java.util.regex.Matcher m = RATING_FIELD.matcher(field);
      if (m.matches()) {
        boolean rating = m.group(2).equals("rating");
        fields.putIfAbsent((rating ? "rating-" : "evidence-") + m.group(1),
            rating ? "manager.invalid.evaluationRating" : "manager.invalid.evaluationEvidence");
      } else if (field.startsWith("panelExpertIds")) {
        fields.putIfAbsent("panel", "manager.invalid.evaluationPanel");
      } else if (field.startsWith("conclusion")) {
        fields.putIfAbsent("conclusion", "manager.invalid.evaluationConclusion");
      } else {
        fields.putIfAbsent("ratings", "manager.invalid.evaluationRatings");
      }
    }
    return new FormErrors(fields, problems.key(e));
  }

  private static int number(String value) {
    try {
      return value == null ? 0 : Math.max(0, Integer.parseInt(value.strip()));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static String text(String value) {
    return value == null ? "" : value.strip();
  }
}
