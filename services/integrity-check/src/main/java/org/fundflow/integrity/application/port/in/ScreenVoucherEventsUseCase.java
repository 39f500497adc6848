package org.fundflow.integrity.application.port.in;

import org.fundflow.integrity.domain.rules.voucher.VoucherFacts;
import reactor.core.publisher.Mono;

/** The voucher fraud rules (创新券, issue 18 point 2) on project-intake's voucher events; idempotent per event id. */
public interface ScreenVoucherEventsUseCase {

  Mono<Void> voucherContracted(VoucherFacts.Contract contract);

  Mono<Void> voucherRedeemed(VoucherFacts.Redemption redemption);
}
