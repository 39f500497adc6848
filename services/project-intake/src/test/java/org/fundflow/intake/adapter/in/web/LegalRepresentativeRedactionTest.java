package org.fundflow.intake.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.fundflow.intake.application.port.in.VoucherActor;
import org.fundflow.intake.application.port.in.VoucherUseCase;
import org.fundflow.intake.domain.voucher.ServiceCategory;
import org.junit.jupiter.api.Test;

/**
 * Issue 18 point 2: the legal representative's ID number never reaches a log line through a request body or a command
 * being printed, and the idempotency fingerprint of an application holds its keyed hash, not the number.
 */
class LegalRepresentativeRedactionTest {

  static final String NUMBER = "120101198004135929";

  @Test
  void requestsAndCommands_printTheirIdNumberRedacted() {
    VoucherActor actor = new VoucherActor("alice", "Alice", VoucherActor.Kind.ENTERPRISE, "91120112MNH91HTMX6", "Org");
    List<Object> printed = List.of(
        new VoucherDtos.ApplyRequest("prg-1", new VoucherDtos.PledgeBody(true, "v1"), true, NUMBER),
        new VoucherDtos.RegisterProviderRequest("91120112DA1KCGYFXP", "机构", List.of(ServiceCategory.TESTING), null,
            NUMBER),
        new VoucherUseCase.ApplyCommand(actor, "prg-1", "k", true, "v1", true, NUMBER),
        new VoucherUseCase.RegisterProviderCommand(actor, "91120112DA1KCGYFXP", "机构",
            List.of(ServiceCategory.TESTING), null, NUMBER));
    assertThat(printed).allSatisfy(o -> assertThat(o.toString()).doesNotContain(NUMBER).contains("<redacted>"));
  }

  @Test
  void theApplicationFingerprint_holdsTheHash_andWithoutARepresentativeIsTheOneBeforeTheField() {
    VoucherUseCase.ApplyCommand c = new VoucherUseCase.ApplyCommand(null, "prg-1", "k", true, "v1", true, NUMBER);
    String hash = "ab".repeat(32);
    assertThat(c.requestFingerprint(hash)).contains("legalRepresentativeIdHash=" + hash)
        .noneMatch(f -> f.contains(NUMBER));
    assertThat(c.requestFingerprint(null)).containsExactly("programId=prg-1", "pledgeAccepted=true",
        "pledgeTextVersion=v1", "smeDeclared=true");
  }
}
