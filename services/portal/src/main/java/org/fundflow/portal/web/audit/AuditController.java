package org.fundflow.portal.web.audit;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.fundflow.portal.client.IntakeClient;
import org.fundflow.portal.client.IntegrityClient;
import org.fundflow.portal.client.MilestoneClient;
import org.fundflow.portal.client.Panel;
import org.fundflow.portal.client.ProblemMessages;
import org.fundflow.portal.client.StatisticsClient;
import org.fundflow.portal.client.StatisticsClient.Month;
import org.fundflow.portal.client.SubsidyClient;
import org.fundflow.portal.format.Money;
import org.fundflow.portal.web.audit.BarChart.Group;
import org.fundflow.portal.web.audit.BarChart.Series;
import org.fundflow.portal.web.audit.Figures.FlagRow;
import org.fundflow.portal.web.audit.Figures.ProgramRow;
import org.fundflow.portal.web.audit.Figures.StageRow;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The auditors' dashboards (issue 16 point 4): per program budget vs awarded vs paid, the proposal funnel, payments per
 * month (Asia/Shanghai months, as post-subsidy groups them) and flags per rule and severity. Every figure is a service's
 * (its {@code GET /statistics/...}); each chart is SVG drawn here, with the same figures as a table and as CSV.
 */
@Controller
@RequestMapping("/audit")
public class AuditController {

  static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
  static final List<String> SEVERITIES = List.of("LOW", "MEDIUM", "HIGH", "CRITICAL");
  static final List<String> SEVERITY_FILLS = List.of("#4a6a8a", "#a35f00", "#c62828", "#5d1010");

  private final StatisticsClient statistics;
  private final ProblemMessages problems;
  private final MessageSource messages;

  public AuditController(StatisticsClient statistics, ProblemMessages problems, MessageSource messages) {
    this.statistics = statistics;
    this.problems = problems;
    this.messages = messages;
  }

  @GetMapping
  Mono<Rendering> dashboard(ServerWebExchange exchange) {
    Locale locale = exchange.getLocaleContext().getLocale();
    return Mono.zip(programs(), funnel(), payments(), flags()).map(t -> Rendering.view("audit/dashboard")
        .modelAttribute("programs", t.getT1()).modelAttribute("programsChart", programsChart(t.getT1(), locale))
        .modelAttribute("funnel", t.getT2()).modelAttribute("funnelChart", funnelChart(t.getT2(), locale))
        .modelAttribute("payments", t.getT3()).modelAttribute("paymentsChart", paymentsChart(t.getT3()))
        .modelAttribute("flags", t.getT4()).modelAttribute("flagsChart", flagsChart(t.getT4(), locale))
        .modelAttribute("severities", SEVERITIES).modelAttribute("severityFills", SEVERITY_FILLS)
        .build());
  }

  // ------------------------------------------------------------------ CSV downloads

  @GetMapping("/programs.csv")
  Mono<ResponseEntity<String>> programsCsv() {
    return statistics.intakePrograms().zipWith(statistics.subsidyPrograms(), Figures::programs).map(rows -> {
      Csv csv = new Csv().row("program_id", "name", "kind", "budget_yuan", "awarded_yuan", "paid_yuan");
      rows.forEach(r -> csv.row(r.programId(), r.name(), r.kind(), Money.toYuanInput(r.budgetFen()),
          Money.toYuanInput(r.awardedFen()), r.paidFen() == null ? "" : Money.toYuanInput(r.paidFen())));
      return csv(csv, "programs.csv");
    });
  }

  @GetMapping("/funnel.csv")
  Mono<ResponseEntity<String>> funnelCsv() {
    return statistics.funnel().zipWith(statistics.projects(), Figures::funnel).map(rows -> {
      Csv csv = new Csv().row("stage", "count");
      rows.forEach(r -> csv.row(r.stage(), r.count()));
      return csv(csv, "proposal-funnel.csv");
    });
  }

  @GetMapping("/payments.csv")
  Mono<ResponseEntity<String>> paymentsCsv() {
    return statistics.payments().map(p -> {
      Csv csv = new Csv().row("month_asia_shanghai", "payments", "amount_yuan");
      p.months().forEach(m -> csv.row(m.month(), m.count(), Money.toYuanInput(m.amountFen())));
      return csv(csv, "payments-per-month.csv");
    });
  }

  @GetMapping("/flags.csv")
  Mono<ResponseEntity<String>> flagsCsv() {
    return statistics.flags().map(f -> {
      Csv csv = new Csv().row("rule", "severity", "count");
      Figures.flags(f).forEach(r -> csv.row(r.rule(), r.severity(), r.count()));
      return csv(csv, "flags-per-rule-and-severity.csv");
    });
  }

  private static ResponseEntity<String> csv(Csv csv, String filename) {
    return ResponseEntity.ok().contentType(CSV)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
        .body(csv.toString());
  }

  // ------------------------------------------------------------------ panels (one service down: only its chart says so)

  private Mono<Panel<List<ProgramRow>>> programs() {
    return Mono.zip(Panel.of(IntakeClient.SERVICE, statistics.intakePrograms(), problems),
        Panel.of(SubsidyClient.SERVICE, statistics.subsidyPrograms(), problems)).map(t -> {
          if (!t.getT1().ok()) {
            return new Panel<>(null, t.getT1().service(), t.getT1().messageKey());
          }
          if (!t.getT2().ok()) {
            return new Panel<>(null, t.getT2().service(), t.getT2().messageKey());
          }
          return new Panel<>(Figures.programs(t.getT1().data(), t.getT2().data()), IntakeClient.SERVICE, null);
        });
  }

  private Mono<Panel<List<StageRow>>> funnel() {
    return Mono.zip(Panel.of(IntakeClient.SERVICE, statistics.funnel(), problems),
        Panel.of(MilestoneClient.SERVICE, statistics.projects(), problems)).map(t -> {
          if (!t.getT1().ok()) {
            return new Panel<>(null, t.getT1().service(), t.getT1().messageKey());
          }
          if (!t.getT2().ok()) {
            return new Panel<>(null, t.getT2().service(), t.getT2().messageKey());
          }
          return new Panel<>(Figures.funnel(t.getT1().data(), t.getT2().data()), IntakeClient.SERVICE, null);
        });
  }

  private Mono<Panel<StatisticsClient.Payments>> payments() {
    return Panel.of(SubsidyClient.SERVICE, statistics.payments(), problems);
  }

  private Mono<Panel<List<FlagRow>>> flags() {
    return Panel.of(IntegrityClient.SERVICE, statistics.flags().map(Figures::flags), problems);
  }

  // ------------------------------------------------------------------ charts

  private BarChart programsChart(Panel<List<ProgramRow>> panel, Locale locale) {
    if (!panel.ok()) {
      return null;
    }
    List<Series> series = List.of(new Series(text("audit.programs.budget", locale), "#1f5fa8"),
        new Series(text("audit.programs.awarded", locale), "#a35f00"),
        new Series(text("audit.programs.paid", locale), "#2e7d32"));
    List<Group> groups = panel.data().stream().map(r -> new Group(r.name(),
        java.util.Arrays.asList(r.budgetFen(), r.awardedFen(), r.paidFen() == null ? 0L : r.paidFen()))).toList();
    return BarChart.of("chart-programs", series, groups, Money::formatFen);
  }

  private BarChart funnelChart(Panel<List<StageRow>> panel, Locale locale) {
    if (!panel.ok()) {
      return null;
    }
    List<Series> series = List.of(new Series(text("audit.funnel.proposals", locale), "#1f5fa8"));
    List<Group> groups = panel.data().stream()
        .map(r -> new Group(text("audit.funnel.stage." + r.stage(), locale), List.of(r.count()))).toList();
    return BarChart.of("chart-funnel", series, groups, Long::toString);
  }

  private BarChart paymentsChart(Panel<StatisticsClient.Payments> panel) {
    if (!panel.ok()) {
      return null;
    }
    List<Series> series = List.of(new Series("paid", "#2e7d32"));
    List<Group> groups = panel.data().months().stream()
        .map((Month m) -> new Group(m.month() + " (" + m.count() + ")", List.of(m.amountFen()))).toList();
    return BarChart.of("chart-payments", series, groups, Money::formatFen);
  }

  private BarChart flagsChart(Panel<List<FlagRow>> panel, Locale locale) {
    if (!panel.ok()) {
      return null;
    }
    List<Series> series = SEVERITIES.stream()
        .map(s -> new Series(text("integrity.severity." + s, locale), SEVERITY_FILLS.get(SEVERITIES.indexOf(s))))
        .toList();
    java.util.Map<String, Long[]> byRule = new java.util.LinkedHashMap<>();
    for (FlagRow r : panel.data()) {
      int i = SEVERITIES.indexOf(r.severity());
      if (i >= 0) {
        byRule.computeIfAbsent(r.rule(), k -> new Long[SEVERITIES.size()])[i] = r.count();
      }
    }
    List<Group> groups = byRule.entrySet().stream().map(e -> new Group(
        text("integrity.rule." + e.getKey(), locale), java.util.Arrays.asList(e.getValue()))).toList();
    return BarChart.of("chart-flags", series, groups, Long::toString);
  }

  private String text(String key, Locale locale) {
    return messages.getMessage(key, null, key, locale);
  }
}
