package org.fundflow.portal.client;

import java.util.List;
import org.fundflow.portal.config.ClientsConfig.ServiceClients;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The dashboard figures of the four services (issue 16 point 4), as each counted or summed them in its store. The
 * portal only puts them side by side: it computes no figure of its own.
 */
@Component
public class StatisticsClient {

  private final ServiceClient intake;
  private final ServiceClient subsidy;
  private final ServiceClient milestone;
  private final ServiceClient integrity;

  public StatisticsClient(ServiceClients clients) {
    this.intake = clients.get(IntakeClient.SERVICE);
    this.subsidy = clients.get(SubsidyClient.SERVICE);
    this.milestone = clients.get(MilestoneClient.SERVICE);
    this.integrity = clients.get(IntegrityClient.SERVICE);
  }

  /** project-intake {@code GET /statistics/programs}. */
  public Mono<IntakePrograms> intakePrograms() {
    return intake.get(u -> u.path("/statistics/programs").build(), IntakePrograms.class);
  }

  /** project-intake {@code GET /statistics/proposal-funnel}. */
  public Mono<Funnel> funnel() {
    return intake.get(u -> u.path("/statistics/proposal-funnel").build(), Funnel.class);
  }

  /** post-subsidy {@code GET /statistics/programs}. */
  public Mono<SubsidyPrograms> subsidyPrograms() {
    return subsidy.get(u -> u.path("/statistics/programs").build(), SubsidyPrograms.class);
  }

  /** post-subsidy {@code GET /statistics/payments}. */
  public Mono<Payments> payments() {
    return subsidy.get(u -> u.path("/statistics/payments").build(), Payments.class);
  }

  /** milestone-review {@code GET /statistics/projects}. */
  public Mono<Projects> projects() {
    return milestone.get(u -> u.path("/statistics/projects").build(), Projects.class);
  }

  /** integrity-check {@code GET /statistics/flags}. */
  public Mono<Flags> flags() {
    return integrity.get(u -> u.path("/statistics/flags").build(), Flags.class);
  }

  public record IntakeProgram(String programId, String name, String kind, String status, long budgetFen,
      long awardedFen) {}

  public record IntakePrograms(List<IntakeProgram> programs) {
    public IntakePrograms {
      programs = programs == null ? List.of() : programs;
    }
  }

  public record StatusCount(String status, long count) {}

  public record Funnel(long submitted, long screened, long reviewed, long awarded, long rejected, long withdrawn,
      List<StatusCount> byStatus) {}

  public record SubsidyProgram(String programId, String name, String kind, long budgetFen, long paidFen,
      long reservedForReleaseFen) {}

  public record SubsidyPrograms(List<SubsidyProgram> programs) {
    public SubsidyPrograms {
      programs = programs == null ? List.of() : programs;
    }
  }

  public record Month(String month, long count, long amountFen) {}

  public record Payments(String zone, List<Month> months, long count, long amountFen) {
    public Payments {
      months = months == null ? List.of() : months;
    }
  }

  public record Projects(long active, long completed, long terminated, long total, List<StatusCount> byStatus) {}

  public record FlagCount(String rule, String severity, long count) {}

  public record Flags(List<FlagCount> counts, long total) {
    public Flags {
      counts = counts == null ? List.of() : counts;
    }
  }
}
