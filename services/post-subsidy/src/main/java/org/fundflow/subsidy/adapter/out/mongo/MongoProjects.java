package org.fundflow.subsidy.adapter.out.mongo;

import java.util.List;
import org.fundflow.subsidy.application.port.out.Projects;
import org.fundflow.subsidy.domain.Project;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Mono;

/** What this service knows of awarded projects, in {@code projects}. */
public class MongoProjects implements Projects {

  public static final String COLLECTION = "projects";

  private final ReactiveMongoTemplate template;

  public MongoProjects(ReactiveMongoTemplate template) {
    this.template = template;
  }

  @Override
  public Mono<Project> find(String projectId) {
    return template.findById(projectId, Project.class, COLLECTION);
  }

  @Override
  public Mono<Void> awarded(Project project) {
    return template.insert(project, COLLECTION).then()
        .onErrorResume(DuplicateKeyException.class, e -> Mono.empty());
  }

  @Override
  public Mono<Void> terminated(String projectId, String programId, String organisationCode, String reason) {
    Update u = new Update().set("terminated", true).set("terminationReason", reason)
        .setOnInsert("programId", programId).setOnInsert("organisationCode", organisationCode)
        .setOnInsert("awardedFen", 0L).setOnInsert("advanceFen", 0L).setOnInsert("milestones", List.of());
    return template.upsert(new Query(Criteria.where("_id").is(projectId)), u, COLLECTION).then()
        .onErrorResume(DuplicateKeyException.class, e -> Mono.empty());
  }

  @Override
  public Mono<Void> suspended(String projectId, String programId, String organisationCode, boolean suspended) {
    Update u = new Update().set("suspended", suspended)
        .setOnInsert("programId", programId).setOnInsert("organisationCode", organisationCode)
        .setOnInsert("awardedFen", 0L).setOnInsert("advanceFen", 0L).setOnInsert("milestones", List.of())
        .setOnInsert("terminated", false);
    return template.upsert(new Query(Criteria.where("_id").is(projectId)), u, COLLECTION).then()
        .onErrorResume(DuplicateKeyException.class, e -> Mono.empty());
  }
}
