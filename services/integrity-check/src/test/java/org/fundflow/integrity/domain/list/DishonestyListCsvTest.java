package org.fundflow.integrity.domain.list;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.fundflow.integrity.adapter.out.csv.JacksonCsvReader;
import org.fundflow.integrity.domain.SubjectType;
import org.fundflow.integrity.domain.list.DishonestyListCsv.Parsed;
import org.fundflow.integrity.domain.list.DishonestyListCsv.RowProblem;
import org.fundflow.platform.privacy.PersonIdHasher;
import org.junit.jupiter.api.Test;

class DishonestyListCsvTest {

  static final String HEADER = "partyType,partyId,partyName,misconduct,sanction,authority,legalBasis,effectiveDate,endDate\n";
  static final PersonIdHasher HASHER = new PersonIdHasher("test-key-of-sixteen-chars");

  final DishonestyListCsv csv = new DishonestyListCsv(HASHER::hash, new JacksonCsvReader());

  public static final String LIST = HEADER
      + "ORGANISATION,91120112MNH91HTMX6,天津某新材料科技有限公司,伪造研发费用专项审计报告骗取后补助资金,"
      + "\"五年内取消申报市级科技计划资格，追回已拨资金\",天津市科学技术局,《科学技术活动违规行为处理规定》第十三条,2025-03-01,2029-12-31\n"
      + "PERSON,120101198004135929,王某,\"抄袭他人项目申报书, 重复申报\",三年内禁止承担财政科研项目,天津市科学技术局,"
      + "《关于进一步加强科研诚信建设的若干意见》,2026-01-15,\n"
      + "ORGANISATION,12310P15H51AG5U99P,某公司,骗取补助,禁止申报,某局,某条,2025-01-01,2026-01-01\n"      // row 4: bad code
      + "PERSON,370202199301189980,李某,学术不端,禁止申报,某局,某条,2025-01-01,2026-01-01\n"           // row 5: bad check digit
      + "ORGANISATION,9112000089F2XW550E,某公司,,禁止申报,某局,某条,2025-01-01,2026-01-01\n"          // row 6: no misconduct
      + "ORGANISATION,9112000089F2XW550E,某公司,骗取补助,禁止申报,某局,某条,2025/01/01,2026-01-01\n"   // row 7: bad date
      + "ORGANISATION,9112000089F2XW550E,某公司,骗取补助,禁止申报,某局,某条,2026-01-01,2025-01-01\n"   // row 8: end before start
      + "COMPANY,9112000089F2XW550E,某公司,骗取补助,禁止申报,某局,某条,2025-01-01,2026-01-01\n"        // row 9: party type
      + "ORGANISATION,9112000089F2XW550E,某公司,骗取补助\n"                                            // row 10: too few fields
      + "PERSON,370202199902304790,赵某,学术不端,禁止申报,某局,某条,2025-01-01,2026-01-01\n";          // row 11: 30 February

  @Test
  void goodRowsAreReadAndEveryBadRowIsReportedWithItsNumberAndReason() {
    Parsed parsed = csv.parse(LIST);

    assertThat(parsed.entries()).hasSize(2);
    assertThat(parsed.problems()).extracting(RowProblem::row).containsExactly(4, 5, 6, 7, 8, 9, 10, 11);
    assertThat(parsed.problems().get(0).reason()).contains("unified social credit code");
    assertThat(parsed.problems().get(1).reason()).contains("check character");
    assertThat(parsed.problems().get(2).reason()).contains("misconduct is required");
    assertThat(parsed.problems().get(3).reason()).contains("effectiveDate");
    assertThat(parsed.problems().get(4).reason()).contains("before effectiveDate");
    assertThat(parsed.problems().get(5).reason()).contains("ORGANISATION or PERSON");
    assertThat(parsed.problems().get(6).reason()).contains("expected 9 fields, found 4");
    assertThat(parsed.problems().get(7).reason()).contains("birth date");
    assertThat(parsed.problems()).allSatisfy(p -> assertThat(p.reason()).doesNotContain("370202"));
  }

  @Test
  void aPersonIsKeptOnlyAsTheKeyedHashAndAMaskedId_quotedFieldsKeepTheirCommas() {
    DishonestyEntry person = csv.parse(LIST).entries().get(1);
    assertThat(person.party().type()).isEqualTo(SubjectType.PERSON);
    assertThat(person.party().id()).isEqualTo(HASHER.hash("120101198004135929")).hasSize(64);
    assertThat(person.maskedPersonId()).isEqualTo("1201**********5929");
    assertThat(person.toString()).doesNotContain("120101198004135929");
    assertThat(person.misconduct()).isEqualTo("抄袭他人项目申报书, 重复申报");
    assertThat(person.endDate()).isNull();
    DishonestyEntry org = csv.parse(LIST).entries().get(0);
    assertThat(org.sanction()).isEqualTo("五年内取消申报市级科技计划资格，追回已拨资金");
    assertThat(org.activeOn(LocalDate.of(2029, 12, 31))).isTrue();
    assertThat(org.activeOn(LocalDate.of(2030, 1, 1))).isFalse();
  }

  @Test
  void theSameListGivesTheSameEntryIds() {
    assertThat(csv.parse(LIST).entries()).extracting(DishonestyEntry::entryId)
        .isEqualTo(csv.parse(LIST.replace("\n", "\r\n")).entries().stream().map(DishonestyEntry::entryId).toList());
  }

  @Test
  void theSameDecisionListedForAnotherPeriodIsAnotherEntry() {
    String row = "ORGANISATION,91120112MNH91HTMX6,某公司,骗取补助,禁止申报,某局,某条,2026-01-01,";
    String first = csv.parse(HEADER + row + "2027-06-30\n").entries().get(0).entryId();
    assertThat(csv.parse(HEADER + row + "2029-12-31\n").entries().get(0).entryId()).isNotEqualTo(first);
    assertThat(csv.parse(HEADER + row + "\n").entries().get(0).entryId()).isNotEqualTo(first);
    assertThat(csv.parse(HEADER + row + "2027-06-30\n").entries().get(0).entryId()).isEqualTo(first);
  }

  @Test
  void aWrongHeaderOrAnEmptyFileIsReportedAsRowOne() {
    assertThat(csv.parse("").problems()).extracting(RowProblem::row).containsExactly(1);
    assertThat(csv.parse("code,name\nx,y\n").problems().get(0).reason()).contains("header must be");
  }

  /** Issue 12 point 10: broken quoting refuses the whole file naming the line (was "row 0" in a 200 answer). */
  @Test
  void brokenQuotingRefusesTheWholeFileNamingTheLine() {
    String good = "ORGANISATION,91120112MNH91HTMX6,\"某公司, 天津\",m,s,a,l,2025-03-01,\n";
    assertThatThrownBy(() -> csv.parse(HEADER + good + "ORGANISATION,\"unterminated"))
        .isInstanceOfSatisfying(MalformedCsvException.class, e -> {
          assertThat(e.line()).isEqualTo(3);
          assertThat(e.getMessage()).contains("line 3", "never closed");
        });
    assertThatThrownBy(() -> csv.parse(HEADER + good + good + "ORGANISATION,91120112MNH91HTMX6,某\"公司,m,s,a,l,2025-03-01,\n"))
        .isInstanceOfSatisfying(MalformedCsvException.class, e -> assertThat(e.line()).isEqualTo(4));
    assertThatThrownBy(() -> csv.parse(HEADER + "ORGANISATION,91120112MNH91HTMX6,\"某公司\"x,m,s,a,l,2025-03-01,\n" + good))
        .isInstanceOfSatisfying(MalformedCsvException.class, e -> assertThat(e.line()).isEqualTo(2));
    // a quoted line break is part of the field: the next broken line is still counted right
    assertThatThrownBy(() -> csv.parse(HEADER + "ORGANISATION,91120112MNH91HTMX6,\"两\n行\",m,s,a,l,2025-03-01,\n"
        + "ORGANISATION,\"x\"\"y\"z,n,m,s,a,l,2025-03-01,\n"))
        .isInstanceOfSatisfying(MalformedCsvException.class, e -> assertThat(e.line()).isEqualTo(4));
    assertThat(csv.parse(HEADER + good + "ORGANISATION,91120112MNH91HTMX6,\"say \"\"hi\"\"\",m,s,a,l,2025-03-01,\n")
        .entries()).hasSize(2);
  }
}
