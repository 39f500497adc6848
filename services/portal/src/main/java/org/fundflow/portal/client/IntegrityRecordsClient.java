package org.fundflow.portal.client;

import java.time.Instant;
import java.util.List;
import org.fundflow.portal.config.ClientsConfig.ServiceClients;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** integrity-check's record of an organisation (flags and holds), as the award page shows it before a decision. */
@Component
public class IntegrityRecordsClient {

  public static final String SERVICE = "integrity-check";

  private final ServiceClient client;

  public IntegrityRecordsClient(ServiceClients clients) {
    this.client = clients.get(SERVICE);
  }

  public Mono<OrganisationRecord> organisation(String organisationCode) {
    return client.get(u -> u.path("/integrity-records/organisations/{code}").build(organisationCode),
        OrganisationRecord.class);
  }

  public record Rule(String code, String name) {}

  public record RecordFlag(String flagId, Rule rule, String severity, Instant raisedAt) {}

  public record RecordHold(String holdId, String reason, Instant startsAt, Instant endsAt, String status) {

    public boolean active() {
      return "ACTIVE".equals(status);
    }
  }

  public record OrganisationRecord(boolean onHold, List<RecordFlag> flags, List<RecordHold> holds) {
    public OrganisationRecord {
      flags = flags == null ? List.of() : flags;
      holds = holds == null ? List.of() : holds;
    }
  }
}
