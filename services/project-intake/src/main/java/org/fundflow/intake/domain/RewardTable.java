package org.fundflow.intake.domain;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The reward table of a REWARD program (奖励类, issue 18 point 3): a fixed amount in fen per recognised achievement,
 * e.g. {@code NATIONAL_HIGH_TECH} 国家高新技术企业认定 200,000.00, {@code MUNICIPAL_KEY_LAB} 市级重点实验室,
 * {@code GAZELLE} 瞪羚企业, {@code LEADING} 科技领军企业. The amount paid is always the table's, never the applicant's.
 */
public record RewardTable(List<Entry> entries) {

  /** Codes are stable upper-case identifiers: they are part of the reward claim's id (once per achievement). */
  public static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");

  public record Entry(String code, String name, long amountFen) {}

  public RewardTable {
    if (entries == null || entries.isEmpty()) {
      throw invalid("a reward table needs at least one achievement");
    }
    entries = List.copyOf(entries);
    Set<String> codes = new HashSet<>();
    for (Entry e : entries) {
      if (e == null || e.code() == null || !CODE.matcher(e.code()).matches()) {
        throw invalid("an achievement code is 2-40 characters A-Z, 0-9 and _, starting with a letter: "
            + (e == null ? null : e.code()));
      }
      if (!codes.add(e.code())) {
        throw invalid("achievement " + e.code() + " is listed twice");
      }
      if (e.name() == null || e.name().isBlank()) {
        throw invalid("achievement " + e.code() + " needs a name");
      }
      if (e.amountFen() <= 0) {
        throw invalid("the reward of achievement " + e.code() + " must be positive");
      }
    }
  }

  public Optional<Entry> entry(String code) {
    return entries.stream().filter(e -> e.code().equals(code)).findFirst();
  }

  /** A REWARD program needs a table, no other kind has one; no reward exceeds the budget. */
  static void requireFor(ProgramKind kind, RewardTable table, long budgetFen) {
    if (kind == ProgramKind.REWARD && table == null) {
      throw invalid("a REWARD program needs a reward table");
    }
    if (kind != ProgramKind.REWARD && table != null) {
      throw invalid("only REWARD programs have a reward table");
    }
    if (table != null) {
      for (Entry e : table.entries()) {
        if (e.amountFen() > budgetFen) {
          throw invalid("the reward of achievement " + e.code() + " exceeds the program's budget");
        }
      }
    }
  }

  /** Enterprises claim rewards in a REWARD program, they do not propose projects there. */
  static void refuseProposalIn(Program program) {
    if (program.kind() == ProgramKind.REWARD) {
      throw IntakeRefusal.rule("no-proposals-in-reward-program", "Reward programs take reward claims",
          "Program " + program.id() + " is a REWARD program: enterprises claim a reward for a recognised achievement "
              + "there, they do not propose projects");
    }
  }

  private static IntakeRefusal invalid(String detail) {
    return IntakeRefusal.rule("invalid-reward-table", "Invalid reward table", detail, Map.of());
  }
}
