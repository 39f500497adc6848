package org.fundflow.portal.web.manager;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fundflow.portal.client.ProgramManagementClient;
import org.fundflow.portal.client.ProgramManagementClient.CallWindow;
import org.fundflow.portal.client.ProgramManagementClient.FundingSplit;
import org.fundflow.portal.client.ProgramManagementClient.ManagedProgram;
import org.fundflow.portal.client.ProgramManagementClient.ProgramTerms;
import org.fundflow.portal.client.ProgramManagementClient.SubsidyRule;
import org.fundflow.portal.client.ProgramManagementClient.Tier;
import org.fundflow.portal.format.Money;

/**
 * The program form as typed: amounts in yuan, the call window as Beijing local date-times (the service reads them so),
 * the subsidy rates in percent. Only turned into the service's terms here (yuan → fen exactly, percent → basis
 * points exactly); whether the terms make a valid program is the service's decision.
 */
public record ProgramForm(String name, String kind, String budget, String cap, String opensAt, String closesAt,
    String advancePercent, String balancePercent, String subsidyBase, String tier1From, String tier1Rate,
    String tier2From, String tier2Rate, String tier3From, String tier3Rate, String capPerOrganisation,
    String minimumIncrease, String idempotencyKey, String expertReview) {

  public static final List<String> KINDS = List.of("GENERAL", "CHALLENGE", "POST_SUBSIDY");

  /** The service's field names (JSON paths) → this form's fields. */
  static final Map<String, String> SERVICE_FIELDS = Map.ofEntries(
      Map.entry("name", "name"), Map.entry("kind", "kind"), Map.entry("budgetFen", "budget"),
      Map.entry("perProjectCapFen", "cap"), Map.entry("callWindow", "opensAt"),
      Map.entry("callWindow.opensAt", "opensAt"), Map.entry("callWindow.closesAt", "closesAt"),
      Map.entry("fundingSplit", "advancePercent"), Map.entry("postSubsidyRule", "subsidyBase"),
      Map.entry("postSubsidyRule.tiers", "tier1From"),
      Map.entry("postSubsidyRule.capPerOrganisationPerYearFen", "capPerOrganisation"),
      Map.entry("postSubsidyRule.minimumIncreaseFen", "minimumIncrease"));

  public static ProgramForm empty(String kind, String idempotencyKey) {
    String k = KINDS.contains(kind) ? kind : "GENERAL";
    return new ProgramForm("", k, "", "", "", "", "GENERAL".equals(k) ? "30" : "", "GENERAL".equals(k) ? "70" : "",
        "TOTAL", "0", "", "", "", "", "", "", "0", idempotencyKey, "POST_SUBSIDY".equals(k) ? null : "true");
  }

  /** A draft's terms back in the form, to edit them. */
  public static ProgramForm of(ManagedProgram p, String idempotencyKey) {
    FundingSplit split = p.fundingSplit();
    SubsidyRule rule = p.postSubsidyRule();
    String[] from = new String[3];
    String[] rate = new String[3];
    if (rule != null) {
      for (int i = 0; i < Math.min(3, rule.tiers().size()); i++) {
        from[i] = yuan(rule.tiers().get(i).fromFen());
        rate[i] = BigDecimal.valueOf(rule.tiers().get(i).rateBasisPoints()).movePointLeft(2).stripTrailingZeros()
            .toPlainString();
      }
    }
    return new ProgramForm(p.name(), p.kind(), yuan(p.budgetFen()), yuan(p.perProjectCapFen()),
        local(p.callWindow() == null ? null : p.callWindow().opensLocal()),
        local(p.callWindow() == null ? null : p.callWindow().closesLocal()),
        split == null ? "" : String.valueOf(split.advancePercent()),
        split == null ? "" : String.valueOf(split.balancePercent()),
        rule == null ? "TOTAL" : rule.base(), nz(from[0]), nz(rate[0]), nz(from[1]), nz(rate[1]), nz(from[2]),
        nz(rate[2]), rule == null || rule.capPerOrganisationPerYearFen() == null ? ""
            : yuan(rule.capPerOrganisationPerYearFen()),
        rule == null ? "" : yuan(rule.minimumIncreaseFen()), idempotencyKey,
        p.expertReview() != null && p.expertReview().required() ? "true" : null);
  }

  /**
   * The service's terms; what cannot be read (an amount, a percentage) is collected per field instead.
   *
   * @throws Unreadable with the fields the portal could not read (the service is not asked then)
   */
  public ProgramTerms toTerms() {
    Map<String, String> errors = new LinkedHashMap<>();
    long budgetFen = fen("budget", budget, errors);
    long capFen = fen("cap", cap, errors);
    FundingSplit split = null;
    SubsidyRule rule = null;
    if ("GENERAL".equals(kind)) {
      split = new FundingSplit(percent("advancePercent", advancePercent, errors),
          percent("balancePercent", balancePercent, errors));
    } else if ("POST_SUBSIDY".equals(kind)) {
      List<Tier> tiers = new ArrayList<>();
      String[][] rows = {{"tier1From", tier1From, "tier1Rate", tier1Rate}, {"tier2From", tier2From, "tier2Rate", tier2Rate},
          {"tier3From", tier3From, "tier3Rate", tier3Rate}};
      for (String[] row : rows) {
        if (blank(row[1]) && blank(row[3])) {
          continue;
        }
        tiers.add(new Tier(fenOrZero(row[0], row[1], errors), basisPoints(row[2], row[3], errors)));
      }
      Long capPerOrg = blank(capPerOrganisation) ? null : fen("capPerOrganisation", capPerOrganisation, errors);
      rule = new SubsidyRule(subsidyBase, tiers, capPerOrg, fenOrZero("minimumIncrease", minimumIncrease, errors));
    }
    if (!errors.isEmpty()) {
      throw new Unreadable(errors);
    }
    // 立项评审: the checkbox (on by default for GENERAL and CHALLENGE); a POST_SUBSIDY or REWARD program has no review
    ProgramManagementClient.ReviewSetting review = "POST_SUBSIDY".equals(kind) || "REWARD".equals(kind) ? null
        : new ProgramManagementClient.ReviewSetting("true".equals(expertReview));
    return new ProgramTerms(name == null ? "" : name.strip(), kind, budgetFen, capFen,
        new CallWindow(nz(opensAt), nz(closesAt)), split, rule, review);
  }

  private static long fen(String field, String typed, Map<String, String> errors) {
    try {
      return Money.parseYuanToFen(typed);
    } catch (Money.InvalidAmount e) {
      errors.put(field, "money.invalid." + e.reason());
      return 0;
    }
  }

  /** An amount that may be 0 (a tier starting at zero, no minimum increase). */
  private static long fenOrZero(String field, String typed, Map<String, String> errors) {
    String t = typed == null ? "" : typed.strip();
    if (t.isEmpty() || t.matches("[¥￥]?\\s*0+(\\.0{1,2})?")) {
      return 0;
    }
    return fen(field, t, errors);
  }

  private static int percent(String field, String typed, Map<String, String> errors) {
    try {
      return Integer.parseInt(typed == null ? "" : typed.strip());
    } catch (NumberFormatException e) {
      errors.put(field, "manager.invalid.percent");
      return 0;
    }
  }

  /** {@code 12.5} (%) → 1250 basis points, exactly; more than two decimals is unreadable. */
  private static int basisPoints(String field, String typed, Map<String, String> errors) {
    try {
      BigDecimal percent = new BigDecimal(typed == null ? "" : typed.strip());
      return percent.movePointRight(2).intValueExact();
    } catch (NumberFormatException | ArithmeticException e) {
      errors.put(field, "manager.invalid.rate");
      return 0;
    }
  }

  static String yuan(long fen) {
    return Money.formatFen(fen).replace("¥", "");
  }

  private static String local(java.time.LocalDateTime t) {
    return t == null ? "" : t.toString();
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  /** Fields the portal could not read: form field → message key. */
  public static final class Unreadable extends RuntimeException {
    private final Map<String, String> fields;

    Unreadable(Map<String, String> fields) {
      super("unreadable form fields " + fields.keySet(), null, false, false);
      this.fields = Map.copyOf(fields);
    }

    public Map<String, String> fields() {
      return fields;
    }
  }
}
