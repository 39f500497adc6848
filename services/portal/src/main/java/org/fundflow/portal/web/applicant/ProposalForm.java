package org.fundflow.portal.web.applicant;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fundflow.portal.client.IntakeClient.BudgetLine;
import org.fundflow.portal.client.IntakeClient.Draft;
import org.fundflow.portal.client.IntakeClient.MilestoneInput;
import org.fundflow.portal.client.IntakeClient.PersonInput;
import org.fundflow.portal.client.IntakeClient.Proposal;
import org.fundflow.portal.format.Money;
import org.springframework.util.MultiValueMap;

/**
 * The proposal editor's form: what the applicant typed, kept as typed to show it again (amounts in yuan), except the
 * national ID numbers, which are never kept or shown back (only the masked ID the service has on file). The input names
 * are the service's field paths ({@code budgetLines[0].category}; money without the {@code Fen}), so the service's
 * field errors land next to their fields. Empty rows are left out, the others renumbered: what the service names
 * {@code milestones[1]} is the second row shown.
 *
 * @param errors field path → message key (the portal's own reading errors, or the service's problem)
 */
public record ProposalForm(String title, String abstractText, String requestedAmount, String projectStartDate,
    String projectEndDate, List<BudgetRow> budgetLines, PersonRow principalInvestigator, List<PersonRow> team,
    List<MilestoneRow> milestones, Map<String, String> errors) {

  static final int MAX_ROWS = 100;

  public record BudgetRow(String category, String amount) {}

  /** A person as shown: the masked ID the service has on file, never the number typed. */
  public record PersonRow(String name, String organisationCode, String role, String maskedId) {}

  public record MilestoneRow(String title, String deliverables, String dueDate, String tranchePercent) {}

  /** The form with the rows a reading produced: the {@link Draft} to send, or the fields it could not read. */
  public record Reading(ProposalForm form, Draft draft) {
    public boolean readable() {
      return form.errors.isEmpty();
    }
  }

  public boolean hasError(String field) {
    return errors.containsKey(field);
  }

  public String error(String field) {
    return errors.get(field);
  }

  /** The id of the element that shows a field's error (for {@code aria-describedby}). */
  public String errorId(String field) {
    return "err-" + field.replaceAll("[^A-Za-z0-9]+", "-");
  }

  /** The milestone percentages as typed, added up (what the page's script keeps current while typing). */
  public String trancheTotal() {
    int sum = 0;
    for (MilestoneRow m : milestones) {
      if (m.tranchePercent().isEmpty()) {
        continue;
      }
      try {
        sum += Integer.parseInt(m.tranchePercent().strip());
      } catch (NumberFormatException e) {
        return "?";
      }
    }
    return String.valueOf(sum);
  }

  /** The form with empty rows to fill in below the typed ones (left out again when read). */
  public ProposalForm padded() {
    return new ProposalForm(title, abstractText, requestedAmount, projectStartDate, projectEndDate,
        pad(budgetLines, 3, 2, new BudgetRow("", "")), principalInvestigator,
        pad(team, 2, 1, new PersonRow("", "", "", null)), pad(milestones, 3, 1, new MilestoneRow("", "", "", "")),
        errors);
  }

  private static <T> List<T> pad(List<T> rows, int atLeast, int blanks, T blank) {
    List<T> padded = new ArrayList<>(rows);
    while (padded.size() < Math.max(atLeast, rows.size() + blanks)) {
      padded.add(blank);
    }
    return padded;
  }

  public ProposalForm withErrors(Map<String, String> more) {
    Map<String, String> all = new LinkedHashMap<>(errors);
    all.putAll(more);
    return new ProposalForm(title, abstractText, requestedAmount, projectStartDate, projectEndDate, budgetLines,
        principalInvestigator, team, milestones, all);
  }

  /** An empty form; the principal investigator's organisation preset to the applicant's own. */
  static ProposalForm empty(String organisationCode) {
    return new ProposalForm("", "", "", "", "", List.of(), new PersonRow("", organisationCode, "", null), List.of(),
        List.of(), Map.of());
  }

  /** The form of a saved draft, amounts in yuan as the editor takes them. */
  static ProposalForm of(Proposal p) {
    List<BudgetRow> budget = p.budgetLines() == null ? List.of() : p.budgetLines().stream()
        .map(b -> new BudgetRow(b.category(), Money.toYuanInput(b.amountFen()))).toList();
    PersonRow pi = p.principalInvestigator() == null ? new PersonRow("", p.organisationCode(), "", null)
        : new PersonRow(p.principalInvestigator().name(), p.principalInvestigator().organisationCode(),
            p.principalInvestigator().role(), p.principalInvestigator().maskedId());
    List<PersonRow> team = p.team() == null ? List.of() : p.team().stream()
        .map(m -> new PersonRow(m.name(), m.organisationCode(), m.role(), m.maskedId())).toList();
    List<MilestoneRow> milestones = p.milestones() == null ? List.of() : p.milestones().stream()
        .map(m -> new MilestoneRow(m.title(), String.join("\n", m.deliverables() == null ? List.of() : m.deliverables()),
            m.dueDate() == null ? "" : m.dueDate().toString(), String.valueOf(m.tranchePercent()))).toList();
    return new ProposalForm(p.title(), nullToEmpty(p.abstractText()), Money.toYuanInput(p.requestedAmountFen()),
        p.projectStartDate() == null ? "" : p.projectStartDate().toString(),
        p.projectEndDate() == null ? "" : p.projectEndDate().toString(), budget, pi, team, milestones, Map.of());
  }

  /** Reads the posted form; {@code programId} and {@code challengeId} go into the draft as given. */
  static Reading read(MultiValueMap<String, String> in, String programId, String challengeId) {
    Map<String, String> errors = new LinkedHashMap<>();
    String title = value(in, "title");
    String abstractText = value(in, "abstract");
    String requested = value(in, "requestedAmount");
    long requestedFen = fen(requested, "requestedAmount", errors);
    String start = value(in, "projectStartDate");
    String end = value(in, "projectEndDate");
    LocalDate startDate = date(start, "projectStartDate", errors);
    LocalDate endDate = date(end, "projectEndDate", errors);

    List<BudgetRow> budgetRows = new ArrayList<>();
    List<BudgetLine> budget = new ArrayList<>();
    for (int i = 0; i < MAX_ROWS; i++) {
      String category = value(in, "budgetLines[" + i + "].category");
      String amount = value(in, "budgetLines[" + i + "].amount");
      if (category.isEmpty() && amount.isEmpty()) {
        continue;
      }
      int row = budgetRows.size();
      budgetRows.add(new BudgetRow(category, amount));
      budget.add(new BudgetLine(category, fen(amount, "budgetLines[" + row + "].amount", errors)));
    }

    PersonRow piRow = person(in, "principalInvestigator");
    PersonInput pi = personInput(in, "principalInvestigator");
    List<PersonRow> teamRows = new ArrayList<>();
    List<PersonInput> team = new ArrayList<>();
    for (int i = 0; i < MAX_ROWS; i++) {
      PersonInput member = personInput(in, "team[" + i + "]");
      if (member != null) {
        teamRows.add(person(in, "team[" + i + "]"));
        team.add(member);
      }
    }

    List<MilestoneRow> milestoneRows = new ArrayList<>();
    List<MilestoneInput> milestones = new ArrayList<>();
    for (int i = 0; i < MAX_ROWS; i++) {
      String prefix = "milestones[" + i + "].";
      MilestoneRow m = new MilestoneRow(value(in, prefix + "title"), value(in, prefix + "deliverables"),
          value(in, prefix + "dueDate"), value(in, prefix + "tranchePercent"));
      if (m.title().isEmpty() && m.deliverables().isEmpty() && m.dueDate().isEmpty() && m.tranchePercent().isEmpty()) {
        continue;
      }
      int row = milestoneRows.size();
      milestoneRows.add(m);
      String at = "milestones[" + row + "].";
      milestones.add(new MilestoneInput(row + 1, m.title(), m.deliverables().lines().map(String::strip)
          .filter(l -> !l.isEmpty()).toList(), date(m.dueDate(), at + "dueDate", errors),
          percent(m.tranchePercent(), at + "tranchePercent", errors)));
    }

    ProposalForm form = new ProposalForm(title, abstractText, requested, start, end, budgetRows, piRow, teamRows,
        milestoneRows, errors);
    Draft draft = new Draft(programId, challengeId, title, abstractText.isEmpty() ? null : abstractText, requestedFen,
        budget, pi, team, startDate, endDate, milestones);
    return new Reading(form, draft);
  }

  private static PersonRow person(MultiValueMap<String, String> in, String prefix) {
    String masked = value(in, prefix + ".maskedId");
    return new PersonRow(value(in, prefix + ".name"), value(in, prefix + ".organisationCode"),
        value(in, prefix + ".role"), masked.isEmpty() ? null : masked);
  }

  /** Null for a row left empty; the ID number only travels on to the service. */
  private static PersonInput personInput(MultiValueMap<String, String> in, String prefix) {
    String name = value(in, prefix + ".name");
    String id = value(in, prefix + ".nationalId");
    String org = value(in, prefix + ".organisationCode");
    String role = value(in, prefix + ".role");
    boolean onFile = !value(in, prefix + ".maskedId").isEmpty();
    if (name.isEmpty() && id.isEmpty() && role.isEmpty() && !onFile && (org.isEmpty() || prefix.startsWith("team"))) {
      return null;
    }
    return new PersonInput(id, name, org, role.isEmpty() ? null : role);
  }

  private static long fen(String yuan, String field, Map<String, String> errors) {
    try {
      return Money.parseYuanToFen(yuan);
    } catch (Money.InvalidAmount e) {
      errors.put(field, "money.invalid." + e.reason());
      return 0;
    }
  }

  private static LocalDate date(String text, String field, Map<String, String> errors) {
    if (text.isEmpty()) {
      return null;
    }
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      errors.put(field, "applicant.editor.invalid.date");
      return null;
    }
  }

  private static int percent(String text, String field, Map<String, String> errors) {
    try {
      int p = Integer.parseInt(text.strip());
      if (p >= 1 && p <= 100) {
        return p;
      }
    } catch (NumberFormatException e) {
      // falls through to the message
    }
    errors.put(field, "applicant.editor.invalid.percent");
    return 0;
  }

  private static String value(MultiValueMap<String, String> in, String name) {
    return nullToEmpty(in.getFirst(name)).strip();
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
