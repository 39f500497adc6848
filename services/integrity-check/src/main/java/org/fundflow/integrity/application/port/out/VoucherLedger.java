package org.fundflow.integrity.application.port.out;

import java.util.List;
import java.util.Map;
import org.fundflow.integrity.domain.rules.voucher.ContractReusedRule;
import org.fundflow.integrity.domain.rules.voucher.VoucherFacts;
import reactor.core.publisher.Mono;

/** What the voucher rules must remember across events: contract documents and redemptions, kept idempotently. */
public interface VoucherLedger {

  /** Records the voucher's use of its contract document (once per voucher) and returns every use, first first. */
  Mono<List<ContractReusedRule.Use>> recordContract(VoucherFacts.Contract contract);

  /** Records the redemption (once per voucher) and returns the program's redeemed vouchers per provider id. */
  Mono<Map<String, Integer>> recordRedemption(VoucherFacts.Redemption redemption);
}
