package org.fundflow.portal.client;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.fundflow.portal.config.ClientsConfig.ServiceClients;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** post-subsidy's REST API as the portal reads it (an applicant: its own organisation's payments only). */
@Component
public class SubsidyClient {

  public static final String SERVICE = "post-subsidy";

  private final ServiceClient client;

  public SubsidyClient(ServiceClients clients) {
    this.client = clients.get(SERVICE);
  }

  /** One page of a project's payments (keyset: pass {@link DisbursementPage#nextAfter()} as {@code after}). */
  public Mono<DisbursementPage> disbursementsOfProject(String projectId, String after, int limit) {
    return client.get(u -> u.path("/disbursements").queryParam("projectId", projectId)
        .queryParamIfPresent("after", Optional.ofNullable(after)).queryParam("limit", limit).build(),
        DisbursementPage.class);
  }

  /** A page of payments with the totals over the whole filter (not only this page). */
  public record DisbursementPage(List<Disbursement> items, String nextAfter, long count, long totalFen) {
    public DisbursementPage {
      items = items == null ? List.of() : items;
    }
  }

  public record Trigger(String kind, String reference) {}

  public record Disbursement(String id, Trigger trigger, String projectId, long amountFen, String status,
      String holdId, Instant releasedAt, String cancelReason, Instant createdAt) {}
}
