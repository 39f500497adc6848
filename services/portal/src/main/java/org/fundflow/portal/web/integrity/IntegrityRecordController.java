package org.fundflow.portal.web.integrity;

import org.fundflow.portal.client.IntegrityClient;
import org.fundflow.portal.client.ProblemMessages;
import org.fundflow.portal.client.ServiceProblem;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The integrity record of an organisation (by its code) or of a person (by the national ID, typed and sent in the body
 * to the service, which hashes it at once). The portal never shows the ID back, never puts it in a URL and never logs
 * it: the form is empty again and the page names the person by the masked ID the service knows.
 */
@Controller
@RequestMapping("/integrity/records")
public class IntegrityRecordController {

  private final IntegrityClient integrity;
  private final ProblemMessages problems;
  private final MessageSource messages;

  public IntegrityRecordController(IntegrityClient integrity, ProblemMessages problems, MessageSource messages) {
    this.integrity = integrity;
    this.problems = problems;
    this.messages = messages;
  }

  @GetMapping
  Mono<Rendering> lookup(@RequestParam(required = false) String organisationCode) {
    if (organisationCode == null || organisationCode.isBlank()) {
      return Mono.just(Rendering.view("integrity/records").build());
    }
    String code = organisationCode.trim();
    return integrity.organisationRecord(code)
        .map(r -> Rendering.view("integrity/records").modelAttribute("record", r).modelAttribute("organisationCode", code)
            .build())
        .onErrorResume(ServiceProblem.class, p -> Mono.just(refused("organisation", p, code)));
  }

  @PostMapping("/person")
  Mono<Rendering> person(ServerWebExchange exchange) {
    return exchange.getFormData().flatMap(f -> {
      String personId = f.getFirst("personId");
      return integrity.personRecord(personId == null ? "" : personId.trim())
          .map(r -> Rendering.view("integrity/records").modelAttribute("record", r).modelAttribute("person", true)
              .build())
          .onErrorResume(ServiceProblem.class, p -> Mono.just(refused("person", p, null)));
    });
  }

  private Rendering refused(String form, ServiceProblem p, String organisationCode) {
    return Rendering.view("integrity/records").modelAttribute("problem", FormProblem.of(form, p, problems, messages))
        .modelAttribute("organisationCode", organisationCode).status(HttpStatus.valueOf(p.status())).build();
  }
}
