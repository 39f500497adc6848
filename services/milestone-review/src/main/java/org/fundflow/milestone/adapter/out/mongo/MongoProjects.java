package org.fundflow.milestone.adapter.out.mongo;

import java.util.List;
import org.fundflow.milestone.adapter.out.kafka.ProjectEventMessages;
import org.fundflow.milestone.application.port.out.Projects;
import org.fundflow.milestone.domain.Project;
import org.fundflow.milestone.domain.ProjectCursor;
import org.fundflow.milestone.domain.ProjectEvent;
import org.fundflow.platform.outbox.AggregateWrite;
import org.fundflow.platform.outbox.AggregateWriter;
import org.fundflow.platform.outbox.OutboxEvent;
import org.fundflow.platform.outbox.WriteOutcome;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Projects as single documents in {@code projects}: the aggregate's state (milestones, reports,
 * panels, decisions, holds) next to the platform's {@code version}, {@code outbox} and {@code inbox}.
 */
public class MongoProjects implements Projects {

  public static final String COLLECTION = "projects";

  private final ReactiveMongoTemplate template;
  private final AggregateWriter writer;
  private final ProjectEventMessages messages;

  public MongoProjects(ReactiveMongoTemplate template, AggregateWriter writer, ProjectEventMessages messages) {
    this.template = template;
    this.writer = writer;
    this.messages = messages;
  }

  @Override
  public Mono<Project> find(String projectId) {
    return template.findById(projectId, Project.class, COLLECTION);
  }

  @Override
  public Flux<Project> findPage(String organisationCode, String assignedExpertId, ProjectCursor after, int limit) {
    List<Criteria> filters = new java.util.ArrayList<>();
    if (organisationCode != null) {
      filters.add(Criteria.where("organisationCode").is(organisationCode));
    }
    if (assignedExpertId != null) {
      filters.add(Criteria.where("reports.panel.expertId").is(assignedExpertId));
    }
    if (after != null) {
      filters.add(new Criteria().orOperator(Criteria.where("awardedAt").lt(after.awardedAt()),
          Criteria.where("awardedAt").is(after.awardedAt()).and("_id").lt(after.projectId())));
    }
    Query query = filters.isEmpty() ? new Query() : new Query(new Criteria().andOperator(filters));
    return template.find(query.with(Sort.by(Sort.Order.desc("awardedAt"), Sort.Order.desc("_id"))).limit(limit),
        Project.class, COLLECTION);
  }

  @Override
  public Flux<Project> findByOrganisation(String organisationCode) {
    return template.find(new Query(Criteria.where("organisationCode").is(organisationCode)), Project.class, COLLECTION);
  }

  @Override
  public Flux<Project> findAssignedTo(String expertId) {
    return template.find(new Query(Criteria.where("reports.panel.expertId").is(expertId)), Project.class, COLLECTION);
  }

  @Override
  public Flux<Project> findAssignedTo(String expertId, String fromProjectId, int limit) {
    Criteria criteria = Criteria.where("reports.panel.expertId").is(expertId);
    if (fromProjectId != null) {
      criteria = criteria.and("_id").gte(fromProjectId);
    }
    return template.find(new Query(criteria).with(Sort.by("_id")).limit(limit), Project.class, COLLECTION);
  }

  @Override
  public Flux<Project> findWithMilestonesAwaitingReport() {
    return template.find(new Query(Criteria.where("status").is("ACTIVE").and("milestones.status").is("OPEN")),
        Project.class, COLLECTION);
  }

  @Override
  public Mono<Boolean> create(Project project, List<ProjectEvent> events, String appliedEventId) {
    return writer.write(new AggregateWrite(COLLECTION, project.id(), null, project,
            outbox(project, events), appliedEventId))
        .map(outcome -> outcome == WriteOutcome.WRITTEN);
  }

  @Override
  public Mono<Boolean> save(Project project, List<ProjectEvent> events, String appliedEventId) {
    AggregateWrite write = AggregateWrite.update(COLLECTION, project.id(), project.version(), project,
        outbox(project, events));
    if (appliedEventId != null) {
      write = write.applying(appliedEventId);
    }
    return writer.write(write).map(outcome -> outcome == WriteOutcome.WRITTEN);
  }

  private List<OutboxEvent> outbox(Project project, List<ProjectEvent> events) {
    return events.stream().map(e -> messages.toOutbox(project, e)).toList();
  }
}
