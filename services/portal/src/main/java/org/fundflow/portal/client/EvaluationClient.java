package org.fundflow.portal.client;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.fundflow.portal.config.ClientsConfig.ServiceClients;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** milestone-review's performance evaluation (绩效评价, issue 17 point 6) as the portal reads it. */
@Component
public class EvaluationClient {

  private final ServiceClient client;

  public EvaluationClient(ServiceClients clients) {
    this.client = clients.get(MilestoneClient.SERVICE);
  }

  public record EvaluationFile(String fileId, String name, String mediaType, long sizeBytes, String sha256,
      String uploadedBy, Instant uploadedAt, String href) {}

  public record Rating(int index, String indicator, String rating, String evidence, List<EvaluationFile> evidenceFiles) {
    public Rating {
      evidenceFiles = evidenceFiles == null ? List.of() : evidenceFiles;
    }
  }

  public record Evaluation(String projectId, String programId, String challengeId, String organisationCode,
      String projectTitle, List<String> panelExpertIds, List<Rating> ratings, long met, long partlyMet, long notMet,
      String conclusion, String evaluatedBy, Instant evaluatedAt) {
    public Evaluation {
      panelExpertIds = panelExpertIds == null ? List.of() : panelExpertIds;
      ratings = ratings == null ? List.of() : ratings;
    }
  }

  /** {@code status}: NOT_EVALUABLE, AWAITING_COMPLETION, OPEN (to evaluate), EVALUATED. */
  public record Sheet(String projectId, String programId, String challengeId, String title, String organisationCode,
      String projectStatus, String status, String reason, List<String> targetIndicators, Evaluation evaluation) {
    public Sheet {
      targetIndicators = targetIndicators == null ? List.of() : targetIndicators;
    }

    public boolean open() {
      return "OPEN".equals(status);
    }
  }

  public record RatingBody(Integer index, String rating, String evidence, List<String> evidenceFileIds) {}

  public record EvaluateBody(List<String> panelExpertIds, List<RatingBody> ratings, String conclusion) {}

  public record ProjectSummary(String projectId, String title, String organisationCode, Instant completedAt,
      boolean evaluated, long met, long partlyMet, long notMet, Instant evaluatedAt) {}

  public record ProgramSummary(String programId, int completedProjects, int evaluatedProjects, long met,
      long partlyMet, long notMet, List<ProjectSummary> projects) {
    public ProgramSummary {
      projects = projects == null ? List.of() : projects;
    }
  }

  public Mono<Sheet> sheet(String projectId) {
    return client.get(u -> u.path("/projects/{id}/performance-evaluation").build(projectId), Sheet.class);
  }

  public Mono<List<EvaluationFile>> files(String projectId) {
    return client.get(u -> u.path("/projects/{id}/performance-evaluation/evidence").build(projectId),
        new ParameterizedTypeReference<List<EvaluationFile>>() {});
  }

  public Mono<EvaluationFile> upload(String projectId, FilePart file) {
    return client.uploadFile(u -> u.path("/projects/{id}/performance-evaluation/evidence").build(projectId), file,
        EvaluationFile.class);
  }

  public Mono<ResponseEntity<Flux<DataBuffer>>> download(String projectId, String fileId, HttpHeaders request) {
    return client.download(u -> u.path("/projects/{id}/performance-evaluation/evidence/{f}").build(projectId, fileId),
        request);
  }

  public Mono<Evaluation> evaluate(String projectId, EvaluateBody body) {
    return client.send(HttpMethod.POST, u -> u.path("/projects/{id}/performance-evaluation").build(projectId), body,
        Map.of(), Evaluation.class);
  }

  public Mono<List<ProgramSummary>> summary(String programId) {
    return client.get(u -> (programId == null ? u.path("/performance-summary")
            : u.path("/performance-summary").queryParam("programId", programId)).build(),
        new ParameterizedTypeReference<List<ProgramSummary>>() {});
  }
}
