package org.fundflow.subsidy.config;

import java.time.Clock;
import org.fundflow.subsidy.application.port.out.Disbursements;
import org.fundflow.platform.application.OrganisationHolds;
import org.fundflow.subsidy.application.service.RewardPaymentsService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Verified reward claims (issue 18 point 3) become disbursements on the ordinary path. */
@Configuration(proxyBeanMethods = false)
public class RewardPaymentsConfiguration {

  @Bean
  RewardPaymentsService rewardPayments(Disbursements disbursements, OrganisationHolds holds, Clock clock) {
    return new RewardPaymentsService(disbursements, holds, clock);
  }
}
