package org.fundflow.portal.web.finance;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.fundflow.portal.client.ProblemMessages;
import org.fundflow.portal.client.ServiceProblem;
import org.fundflow.portal.client.ServiceUnavailable;
import org.fundflow.portal.client.SubsidyClient;
import org.fundflow.portal.client.SubsidyClient.Payment;
import org.fundflow.portal.client.SubsidyClient.PaymentPage;
import org.fundflow.portal.format.Times;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The payment batch export: the released payments of a range of Beijing dates (both inclusive) as CSV or XLSX, read
 * from post-subsidy page by page ({@code GET /disbursements/export}). The CSV is streamed as the pages arrive; the
 * XLSX is written once all pages are read (a workbook is written as a whole). The first page is read before anything
 * is sent, so a refusal (a bad range) is shown on the form next to its fields.
 */
@Controller
@RequestMapping("/finance/export")
public class PaymentBatchController {

  static final int SERVICE_PAGE = 500;
  static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
  static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private final SubsidyClient subsidy;
  private final ProblemMessages problems;
  private final MessageSource messages;
  private final Clock clock;

  public PaymentBatchController(SubsidyClient subsidy, ProblemMessages problems, MessageSource messages, Clock clock) {
    this.subsidy = subsidy;
    this.problems = problems;
    this.messages = messages;
    this.clock = clock;
  }

  /**
   * The form. With {@code check} (where a download that could not start sends the person back), the dates are read
   * again and the range asked of post-subsidy, so its refusal is shown next to the fields.
   */
  @GetMapping
  Mono<Rendering> form(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
      @RequestParam(required = false) String check) {
    LocalDate today = LocalDate.now(clock.withZone(Times.ZONE));
    Map<String, String> typed = new LinkedHashMap<>();
    typed.put("from", from == null ? today.withDayOfMonth(1).toString() : from);
    typed.put("to", to == null ? today.toString() : to);
    if (check == null) {
      return Mono.just(form(typed, null, HttpStatus.OK));
    }
    Range range = range(from, to);
    if (range.problem() != null) {
      return Mono.just(form(typed, range.problem(), HttpStatus.BAD_REQUEST));
    }
    return subsidy.released(range.from(), range.to(), null, 1)
        .map(page -> form(typed, null, HttpStatus.OK))
        .onErrorResume(ServiceProblem.class, p -> Mono.just(form(typed,
            FinanceFormProblem.of("export", p, problems, messages), HttpStatus.valueOf(p.status()))))
        .onErrorResume(ServiceUnavailable.class, e -> Mono.just(form(typed,
            new FinanceFormProblem("export", "finance.export.unavailable", Map.of()), HttpStatus.SERVICE_UNAVAILABLE)));
  }

  record Range(LocalDate from, LocalDate to, FinanceFormProblem problem) {}

  static Range range(String from, String to) {
    Map<String, String> fieldErrors = new LinkedHashMap<>();
    LocalDate start = date(from, "from", fieldErrors);
    LocalDate end = date(to, "to", fieldErrors);
    if (start != null && end != null && end.isBefore(start)) {
      fieldErrors.put("to", "finance.field-error.to-before-from");
    }
    return new Range(start, end,
        fieldErrors.isEmpty() ? null : new FinanceFormProblem("export", "problem.validation", fieldErrors));
  }

  /** The CSV, streamed page by page; a range that cannot be exported goes back to the form, which says why. */
  @GetMapping("/payments.csv")
  Mono<ResponseEntity<Flux<String>>> csv(@RequestParam(required = false) String from,
      @RequestParam(required = false) String to, ServerWebExchange exchange) {
    Range range = range(from, to);
    if (range.problem() != null) {
      return Mono.just(back(from, to));
    }
    List<String> header = PaymentBatchExport.header(messages, locale(exchange));
    return firstPage(range).map(first -> csv(range.from(), range.to(), header, rows(range, first)))
        .onErrorResume(e -> e instanceof ServiceProblem || e instanceof ServiceUnavailable, e -> Mono.just(back(from, to)));
  }

  @GetMapping("/payments.xlsx")
  Mono<ResponseEntity<byte[]>> xlsx(@RequestParam(required = false) String from,
      @RequestParam(required = false) String to, ServerWebExchange exchange) {
    Range range = range(from, to);
    if (range.problem() != null) {
      return Mono.just(back(from, to));
    }
    Locale locale = locale(exchange);
    List<String> header = PaymentBatchExport.header(messages, locale);
    return firstPage(range).flatMap(first -> xlsx(range.from(), range.to(), header, rows(range, first), locale))
        .onErrorResume(e -> e instanceof ServiceProblem || e instanceof ServiceUnavailable, e -> Mono.just(back(from, to)));
  }

  private Mono<PaymentPage> firstPage(Range range) {
    return subsidy.released(range.from(), range.to(), null, SERVICE_PAGE);
  }

  private Flux<Payment> rows(Range range, PaymentPage first) {
    return Flux.just(first)
        .expand(page -> page.nextAfter() == null ? Mono.empty()
            : subsidy.released(range.from(), range.to(), page.nextAfter(), SERVICE_PAGE))
        .concatMapIterable(PaymentPage::items);
  }

  private static <T> ResponseEntity<T> back(String from, String to) {
    return ResponseEntity.status(HttpStatus.SEE_OTHER).location(UriComponentsBuilder.fromPath("/finance/export")
        .queryParam("from", from == null ? "" : from).queryParam("to", to == null ? "" : to)
        .queryParam("check", "1").encode().build().toUri()).build();
  }

  private static Locale locale(ServerWebExchange exchange) {
    Locale l = exchange.getLocaleContext().getLocale();
    return l == null ? Locale.SIMPLIFIED_CHINESE : l;
  }

  /** Streamed: the header, then each page's rows as post-subsidy sends them (UTF-8 with a BOM for spreadsheets). */
  private ResponseEntity<Flux<String>> csv(LocalDate from, LocalDate to, List<String> header, Flux<Payment> rows) {
    Flux<String> body = Flux.concat(Mono.just("\uFEFF" + PaymentBatchExport.csvLine(header)),
        rows.map(p -> PaymentBatchExport.csvLine(PaymentBatchExport.values(p))));
    return ResponseEntity.ok().contentType(CSV).header(HttpHeaders.CONTENT_DISPOSITION,
        attachment(PaymentBatchExport.fileName(from, to, "csv"))).body(body);
  }

  private Mono<ResponseEntity<byte[]>> xlsx(LocalDate from, LocalDate to, List<String> header, Flux<Payment> rows,
      Locale locale) {
    String sheet = messages.getMessage("finance.export.sheet", null, "payments", locale);
    return rows.collectList()
        .publishOn(Schedulers.boundedElastic())
        .map(all -> PaymentBatchExport.xlsx(header, all, sheet))
        .map(bytes -> ResponseEntity.ok().contentType(XLSX).header(HttpHeaders.CONTENT_DISPOSITION,
            attachment(PaymentBatchExport.fileName(from, to, "xlsx"))).body(bytes));
  }

  private static String attachment(String name) {
    return ContentDisposition.attachment().filename(name).build().toString();
  }

  private Rendering form(Map<String, String> typed, FinanceFormProblem problem, HttpStatus status) {
    return Rendering.view("finance/export").modelAttribute("typed", typed).modelAttribute("problem", problem)
        .status(status).build();
  }

  private static LocalDate date(String s, String field, Map<String, String> errors) {
    if (s == null || s.isBlank()) {
      errors.put(field, "finance.field-error.date-required");
      return null;
    }
    try {
      return LocalDate.parse(s.trim());
    } catch (DateTimeParseException e) {
      errors.put(field, "finance.field-error.date");
      return null;
    }
  }
}
