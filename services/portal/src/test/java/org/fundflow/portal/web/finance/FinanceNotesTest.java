package org.fundflow.portal.web.finance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.fundflow.portal.client.SubsidyClient.Arg;
import org.fundflow.portal.client.SubsidyClient.Note;
import org.fundflow.portal.config.MessagesConfig;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** post-subsidy's notes for vouchers and rewards (issue 18), said in Chinese and English with exact amounts. */
class FinanceNotesTest {

  static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
  static final Locale EN = Locale.ENGLISH;

  final FinanceNotes notes = new FinanceNotes(messages());

  static ResourceBundleMessageSource messages() {
    ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
    messages.setBasenames(MessagesConfig.BUNDLES);
    messages.setDefaultEncoding("UTF-8");
    messages.setFallbackToSystemLocale(false);
    return messages;
  }

  static Arg fen(String value) {
    return new Arg("FEN", value);
  }

  static Arg text(String value) {
    return new Arg("TEXT", value);
  }

  @Test
  void aCappedVoucherShare_withAFractionOfAFen_isSaidExactlyInBothLanguages() {
    // contract ¥80,000.01 × 33.33% = 2,666,667.3333 fen, capped by the face value ¥20,000.00
    Note note = new Note("voucher-capped", List.of(text("vch-1"), text("天津津南检验检测认证有限公司"), fen("8000001"),
        text("33.33"), fen("2666667.3333"), fen("2000000"), fen("2000000"), fen("6000001")));
    assertThat(notes.text(note, "english fallback", ZH)).isEqualTo("创新券 vch-1 兑付服务机构 天津津南检验检测认证有限公司："
        + "合同金额 ¥80,000.01 × 33.33% = ¥26,666.673333，以券面额 ¥20,000.00 为限，券付 ¥20,000.00，企业自付 ¥60,000.01");
    assertThat(notes.text(note, "english fallback", EN)).isEqualTo("Voucher vch-1 to provider 天津津南检验检测认证有限公司: "
        + "contract ¥80,000.01 × 33.33% = ¥26,666.673333, capped by the face value ¥20,000.00: the voucher pays "
        + "¥20,000.00, the enterprise pays ¥60,000.01");
  }

  @Test
  void aVoucherShareRoundedDown_andAReward_areSaidInChinese() {
    Note voucher = new Note("voucher", List.of(text("vch-2"), text("某检测公司"), fen("333"), text("50"), fen("166.5"),
        fen("166"), fen("167")));
    assertThat(notes.text(voucher, "fallback", ZH))
        .isEqualTo("创新券 vch-2 兑付服务机构 某检测公司：合同金额 ¥3.33 × 50% = ¥1.665（向下取整到分），券付 ¥1.66，企业自付 ¥1.67");
    Note reward = new Note("reward", List.of(text("GAZELLE"), text("瞪羚企业"), text("rwc-1"), fen("50000000")));
    assertThat(notes.text(reward, "fallback", ZH)).isEqualTo("奖励：申请 rwc-1 的成果「瞪羚企业」（GAZELLE），按项目计划奖励标准 ¥500,000.00");
    assertThat(notes.text(reward, "fallback", EN))
        .isEqualTo("Reward for 瞪羚企业 (GAZELLE) of claim rwc-1: the amount set in the program table, ¥500,000.00");
  }
}
