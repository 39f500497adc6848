package org.fundflow.portal.web.audit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fundflow.portal.client.StatisticsClient.FlagCount;
import org.fundflow.portal.client.StatisticsClient.Flags;
import org.fundflow.portal.client.StatisticsClient.Funnel;
import org.fundflow.portal.client.StatisticsClient.IntakeProgram;
import org.fundflow.portal.client.StatisticsClient.IntakePrograms;
import org.fundflow.portal.client.StatisticsClient.Month;
import org.fundflow.portal.client.StatisticsClient.Payments;
import org.fundflow.portal.client.StatisticsClient.Projects;
import org.fundflow.portal.client.StatisticsClient.SubsidyProgram;
import org.fundflow.portal.client.StatisticsClient.SubsidyPrograms;

/**
 * The dashboards' rows: the services' figures put side by side, never computed here. Budget and awarded are
 * project-intake's, paid post-subsidy's (its copy of the program; a program it has no copy of has paid nothing); the
 * funnel's stages are project-intake's up to the award and milestone-review's after it.
 */
final class Figures {

  private Figures() {}

  /** @param paidFen null when post-subsidy has no copy of the program */
  record ProgramRow(String programId, String name, String kind, long budgetFen, long awardedFen, Long paidFen) {}

  /** @param stage submitted, screened, reviewed, awarded, completed or terminated */
  record StageRow(String stage, long count) {}

  record FlagRow(String rule, String severity, long count) {}

  static final List<String> STAGES = List.of("submitted", "screened", "reviewed", "awarded", "completed", "terminated");

  static List<ProgramRow> programs(IntakePrograms intake, SubsidyPrograms subsidy) {
    Map<String, SubsidyProgram> paid = new HashMap<>();
    subsidy.programs().forEach(p -> paid.put(p.programId(), p));
    List<ProgramRow> rows = new ArrayList<>();
    for (IntakeProgram p : intake.programs()) {
      SubsidyProgram s = paid.get(p.programId());
      rows.add(new ProgramRow(p.programId(), p.name(), p.kind(), p.budgetFen(), p.awardedFen(),
          s == null ? null : s.paidFen()));
    }
    return List.copyOf(rows);
  }

  static List<StageRow> funnel(Funnel intake, Projects projects) {
    return List.of(new StageRow("submitted", intake.submitted()), new StageRow("screened", intake.screened()),
        new StageRow("reviewed", intake.reviewed()), new StageRow("awarded", intake.awarded()),
        new StageRow("completed", projects.completed()), new StageRow("terminated", projects.terminated()));
  }

  static List<Month> months(Payments payments) {
    return payments.months();
  }

  static List<FlagRow> flags(Flags flags) {
    return flags.counts().stream().map((FlagCount c) -> new FlagRow(c.rule(), c.severity(), c.count())).toList();
  }
}
