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
import org.fundflow.portal.client.ProgramManagementClient.VoucherTerms;
import org.fundflow.portal.client.RewardClaimsClient;
import org.fundflow.portal.client.VoucherClient;
import org.fundflow.portal.format.Money;

/**
 * The program form as typed: amounts in yuan, the call window as Beijing local date-times (the service reads them so),
 * the subsidy rates in percent. Only turned into the service's terms here (yuan → fen exactly, percent → basis
 * points exactly); whether the terms make a valid program is the service's decision.
 */
public record ProgramForm(String name, String kind, String budget, String cap, String opensAt, String closesAt,
    String advancePercent, String balancePercent, String subsidyBase, String tier1From, String tier1Rate,
    String tier2From, String tier2Rate, String tier3From, String tier3Rate, String capPerOrganisation,
    String minimumIncrease, String idempotencyKey, String expertReview, String voucherFaceValue,
    String voucherValidityDays, String voucherAnnualCap, String voucherRatio, List<String> voucherCategories,
    String voucherDistricts, List<String> rewardCodes, List<String> rewardNames, List<String> rewardAmounts,
    List<String> rubricNames, List<String> rubricWeights) {

  public static final List<String> KINDS = List.of("GENERAL", "CHALLENGE", "POST_SUBSIDY", "VOUCHER", "REWARD");

  /** The reward table rows the form shows at least (typed rows and one blank row more when there are more). */
  static final int REWARD_ROWS = 5;

  public ProgramForm {
    voucherCategories = voucherCategories == null ? List.of() : List.copyOf(voucherCategories);
    rewardCodes = rewardCodes == null ? List.of() : List.copyOf(rewardCodes);
    rewardNames = rewardNames == null ? List.of() : List.copyOf(rewardNames);
    rewardAmounts = rewardAmounts == null ? List.of() : List.copyOf(rewardAmounts);
    rubricNames = rubricNames == null ? List.of() : List.copyOf(rubricNames);
    rubricWeights = rubricWeights == null ? List.of() : List.copyOf(rubricWeights);
  }

  /** The rubric rows the form shows (a program may have up to 10 criteria; the service checks they add up to 100). */
  static final int RUBRIC_ROWS = 6;

  /** One criterion of the program's own rubric as typed. */
  public record RubricRow(String name, String weight) {}

  /** The typed criteria, then blank rows up to {@link #RUBRIC_ROWS} (all blank: the service's default rubric). */
  public List<RubricRow> rubricRows() {
    List<RubricRow> rows = new ArrayList<>();
    for (int i = 0; i < Math.max(rubricNames.size(), rubricWeights.size()); i++) {
      RubricRow row = new RubricRow(at(rubricNames, i), at(rubricWeights, i));
      if (!blank(row.name()) || !blank(row.weight())) {
        rows.add(row);
      }
    }
    int shown = Math.min(10, Math.max(RUBRIC_ROWS, rows.size() + 1));
    while (rows.size() < shown) {
      rows.add(new RubricRow("", ""));
    }
    return rows;
  }

  /** One row of a REWARD program's table as typed: the achievement's code and name, the reward in yuan. */
  public record RewardRow(String code, String name, String amount) {
    boolean blank() {
      return ProgramForm.blank(code) && ProgramForm.blank(name) && ProgramForm.blank(amount);
    }
  }

  /** The typed rows, then blank ones up to {@link #REWARD_ROWS} (at least one blank row to add an achievement). */
  public List<RewardRow> rewardRows() {
    int typed = Math.max(rewardCodes.size(), Math.max(rewardNames.size(), rewardAmounts.size()));
    List<RewardRow> rows = new ArrayList<>();
    for (int i = 0; i < typed; i++) {
      RewardRow row = new RewardRow(at(rewardCodes, i), at(rewardNames, i), at(rewardAmounts, i));
      if (!row.blank()) {
        rows.add(row);
      }
    }
    int shown = Math.max(REWARD_ROWS, rows.size() + 1);
    while (rows.size() < shown) {
      rows.add(new RewardRow("", "", ""));
    }
    return rows;
  }

  private static String at(List<String> values, int i) {
    return i < values.size() && values.get(i) != null ? values.get(i).strip() : "";
  }

  /** The service's field names (JSON paths) → this form's fields. */
  static final Map<String, String> SERVICE_FIELDS = Map.ofEntries(
      Map.entry("name", "name"), Map.entry("kind", "kind"), Map.entry("budgetFen", "budget"),
      Map.entry("perProjectCapFen", "cap"), Map.entry("callWindow", "opensAt"),
      Map.entry("callWindow.opensAt", "opensAt"), Map.entry("callWindow.closesAt", "closesAt"),
      Map.entry("fundingSplit", "advancePercent"), Map.entry("postSubsidyRule", "subsidyBase"),
      Map.entry("postSubsidyRule.tiers", "tier1From"),
      Map.entry("postSubsidyRule.capPerOrganisationPerYearFen", "capPerOrganisation"),
      Map.entry("postSubsidyRule.minimumIncreaseFen", "minimumIncrease"), Map.entry("voucherRule", "voucherFaceValue"),
      Map.entry("voucherRule.faceValueFen", "voucherFaceValue"),
      Map.entry("voucherRule.validityDays", "voucherValidityDays"),
      Map.entry("voucherRule.annualCapPerEnterpriseFen", "voucherAnnualCap"),
      Map.entry("voucherRule.eligibleCategories", "voucherCategories"), Map.entry("voucherRule.ratio", "voucherRatio"),
      Map.entry("voucherRule.districtCodes", "voucherDistricts"), Map.entry("rewardTable", "rewardTable"),
      Map.entry("expertReview.rubric", "rubric"));

  public static ProgramForm empty(String kind, String idempotencyKey) {
    String k = KINDS.contains(kind) ? kind : "GENERAL";
    return new ProgramForm("", k, "", "", "", "", "GENERAL".equals(k) ? "30" : "", "GENERAL".equals(k) ? "70" : "",
        "TOTAL", "0", "", "", "", "", "", "", "0", idempotencyKey,
        List.of("POST_SUBSIDY", "VOUCHER", "REWARD").contains(k) ? null : "true", "", "VOUCHER".equals(k) ? "180" : "",
        "", "", List.of(), "", List.of(), List.of(), List.of(), List.of(), List.of());
  }

  /** A draft's terms back in the form, to edit them. */
  public static ProgramForm of(ManagedProgram p, String idempotencyKey) {
    FundingSplit split = p.fundingSplit();
    SubsidyRule rule = p.postSubsidyRule();
    VoucherClient.VoucherRule voucher = p.voucherRule();
    List<RewardClaimsClient.RewardEntry> table = p.rewardTable() == null ? List.of() : p.rewardTable().entries();
    List<ProgramManagementClient.Criterion> rubric = p.expertReview() == null || p.expertReview().rubric() == null
        ? List.of() : p.expertReview().rubric();
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
        p.expertReview() != null && p.expertReview().required() ? "true" : null,
        voucher == null ? "" : yuan(voucher.faceValueFen()), voucher == null ? "" : String.valueOf(voucher.validityDays()),
        voucher == null ? "" : yuan(voucher.annualCapPerEnterpriseFen()), voucher == null ? "" : voucher.percent(),
        voucher == null ? List.of() : voucher.eligibleCategories(),
        voucher == null ? "" : String.join(", ", voucher.districtCodes()),
        table.stream().map(RewardClaimsClient.RewardEntry::code).toList(),
        table.stream().map(RewardClaimsClient.RewardEntry::name).toList(),
        table.stream().map(e -> yuan(e.amountFen())).toList(),
        rubric.stream().map(ProgramManagementClient.Criterion::name).toList(),
        rubric.stream().map(c -> String.valueOf(c.weight())).toList());
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
    VoucherTerms voucher = "VOUCHER".equals(kind) ? voucherTerms(errors) : null;
    RewardClaimsClient.RewardTable rewardTable = "REWARD".equals(kind) ? rewardTable(errors) : null;
    // 立项评审: the checkbox (on by default for GENERAL and CHALLENGE) and the rubric; POST_SUBSIDY, REWARD and VOUCHER
    // programs have no proposals to review
    ProgramManagementClient.ReviewSetting review = List.of("POST_SUBSIDY", "REWARD", "VOUCHER").contains(kind) ? null
        : new ProgramManagementClient.ReviewSetting("true".equals(expertReview), rubric(errors));
    if (!errors.isEmpty()) {
      throw new Unreadable(errors);
    }
    return new ProgramTerms(name == null ? "" : name.strip(), kind, budgetFen, capFen,
        new CallWindow(nz(opensAt), nz(closesAt)), split, rule, review, voucher, rewardTable);
  }

  /**
   * The program's own rubric as typed (criterion and whole-number weight per row); no row typed: null, the service's
   * default rubric. Whether the weights add up to 100 is the service's rule.
   */
  private List<ProgramManagementClient.Criterion> rubric(Map<String, String> errors) {
    List<ProgramManagementClient.Criterion> criteria = new ArrayList<>();
    for (RubricRow row : rubricRows()) {
      if (blank(row.name()) && blank(row.weight())) {
        continue;
      }
      int weight = 0;
      try {
        weight = Integer.parseInt(row.weight());
      } catch (NumberFormatException e) {
        errors.put("rubric", "manager.invalid.rubricRow");
      }
      if (blank(row.name())) {
        errors.put("rubric", "manager.invalid.rubricRow");
      }
      criteria.add(new ProgramManagementClient.Criterion(row.name(), weight));
    }
    return criteria.isEmpty() ? null : criteria;
  }

  /**
   * The reward table as typed: each row with something in it is one achievement (code as typed, upper case; name;
   * amount in yuan → fen exactly); a row missing its code, name or a readable amount marks the table.
   */
  private RewardClaimsClient.RewardTable rewardTable(Map<String, String> errors) {
    List<RewardClaimsClient.RewardEntry> entries = new ArrayList<>();
    for (RewardRow row : rewardRows()) {
      if (row.blank()) {
        continue;
      }
      long amount = 0;
      try {
        amount = Money.parseYuanToFen(row.amount());
      } catch (Money.InvalidAmount e) {
        errors.put("rewardTable", "manager.invalid.rewardRow");
      }
      if (blank(row.code()) || blank(row.name())) {
        errors.put("rewardTable", "manager.invalid.rewardRow");
      }
      entries.add(new RewardClaimsClient.RewardEntry(row.code().toUpperCase(java.util.Locale.ROOT), row.name(), amount));
    }
    return new RewardClaimsClient.RewardTable(entries);
  }

  /**
   * The voucher rule as typed: face value and annual cap in yuan, validity in days, the share in percent (35 → 0.35
   * exactly), the districts as codes separated by commas or spaces. Whether they make a valid rule is the service's.
   */
  private VoucherTerms voucherTerms(Map<String, String> errors) {
    long face = fen("voucherFaceValue", voucherFaceValue, errors);
    long annualCap = fen("voucherAnnualCap", voucherAnnualCap, errors);
    int days = 0;
    try {
      days = Integer.parseInt(nz(voucherValidityDays).strip());
    } catch (NumberFormatException e) {
      errors.put("voucherValidityDays", "manager.invalid.days");
    }
    BigDecimal ratio = null;
    try {
      ratio = new BigDecimal(nz(voucherRatio).strip().replaceAll("[%％]$", "").strip()).movePointLeft(2);
    } catch (NumberFormatException e) {
      errors.put("voucherRatio", "manager.invalid.rate");
    }
    List<String> districts = java.util.Arrays.stream(nz(voucherDistricts).split("[\\s,，、;；]+"))
        .filter(d -> !d.isBlank()).toList();
    return new VoucherTerms(face, days, annualCap, voucherCategories, ratio, districts);
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
