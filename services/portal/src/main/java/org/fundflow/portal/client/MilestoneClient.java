package org.fundflow.portal.client;

import java.time.Instant;
import java.util.List;
import org.fundflow.portal.config.ClientsConfig.ServiceClients;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** milestone-review's REST API as the portal reads it. */
@Component
public class MilestoneClient {

  public static final String SERVICE = "milestone-review";

  private final ServiceClient client;

  public MilestoneClient(ServiceClients clients) {
    this.client = clients.get(SERVICE);
  }

  /** The caller's projects. The service does not page this list yet: the portal shows the first {@code limit}. */
  public Mono<List<Project>> projects(int limit) {
    return client.get(u -> u.path("/projects").build(), new ParameterizedTypeReference<List<Project>>() {})
        .map(all -> all.size() <= limit ? all : all.subList(0, limit));
  }

  public record Project(String projectId, String proposalId, String title, long awardedAmountFen, String status,
      boolean onHold, Instant awardedAt) {}
}
