package org.fundflow.milestone.adapter.out.mongo;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.fundflow.milestone.adapter.out.kafka.PerformanceEventMessages;
import org.fundflow.milestone.application.port.out.PerformanceEvaluations;
import org.fundflow.milestone.domain.ChallengeIndicators;
import org.fundflow.milestone.domain.EvidenceFile;
import org.fundflow.milestone.domain.PerformanceEvaluation;
import org.fundflow.milestone.domain.ProgramKind;
import org.fundflow.milestone.domain.Project;
import org.fundflow.milestone.domain.ProjectStatus;
import org.fundflow.platform.documents.DocumentStore;
import org.fundflow.platform.documents.StoredDocument;
import org.fundflow.platform.outbox.AggregateWrite;
import org.fundflow.platform.outbox.AggregateWriter;
import org.fundflow.platform.outbox.WriteOutcome;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Performance evaluations in {@code performance-evaluations} (id = project id), each created with its outbox event in
 * one write (a second evaluation of the project hits the id and is refused); the copies of challenges' indicators in
 * {@code challenges} (id = challenge id, replaced by the same facts on redelivery); the evaluation files in the
 * service's GridFS bucket, owner {@link PerformanceEvaluation#owner}.
 */
public class MongoPerformanceEvaluations implements PerformanceEvaluations {

  public static final String COLLECTION = "performance-evaluations";
  public static final String CHALLENGES = "challenges";

  private final ReactiveMongoTemplate template;
  private final AggregateWriter writer;
  private final PerformanceEventMessages messages;
  private final DocumentStore store;

  public MongoPerformanceEvaluations(ReactiveMongoTemplate template, AggregateWriter writer,
      PerformanceEventMessages messages, DocumentStore store) {
    this.template = template;
    this.writer = writer;
    this.messages = messages;
    this.store = store;
  }

  @Override
  public Mono<Boolean> create(PerformanceEvaluation e) {
    return writer.write(AggregateWrite.create(COLLECTION, e.id(), e, List.of(messages.toOutbox(e))))
        .map(outcome -> outcome == WriteOutcome.WRITTEN)
        .onErrorResume(DuplicateKeyException.class, x -> Mono.just(false));
  }

  @Override
  public Mono<PerformanceEvaluation> find(String projectId) {
    return template.findById(projectId, PerformanceEvaluation.class, COLLECTION);
  }

  @Override
  public Flux<PerformanceEvaluation> ofProgram(String programId) {
    return template.find(new Query(Criteria.where("programId").is(programId)), PerformanceEvaluation.class,
        COLLECTION);
  }

  @Override
  public Flux<PerformanceEvaluation> all() {
    return template.findAll(PerformanceEvaluation.class, COLLECTION);
  }

  @Override
  public Mono<Void> saveChallenge(ChallengeIndicators challenge) {
    Document doc = new Document("_id", challenge.challengeId())
        .append("challengeId", challenge.challengeId())
        .append("programId", challenge.programId())
        .append("title", challenge.title())
        .append("targetIndicators", challenge.targetIndicators());
    return template.getCollection(CHALLENGES)
        .flatMap(c -> Mono.from(c.replaceOne(new Document("_id", challenge.challengeId()), doc,
            new com.mongodb.client.model.ReplaceOptions().upsert(true))))
        .then();
  }

  @Override
  public Mono<ChallengeIndicators> challenge(String challengeId) {
    return template.findById(challengeId, Document.class, CHALLENGES)
        .map(d -> new ChallengeIndicators(d.getString("challengeId"), d.getString("programId"), d.getString("title"),
            d.getList("targetIndicators", String.class, List.of())));
  }

  @Override
  public Flux<Project> completedChallengeProjects(String programId) {
    Criteria criteria = Criteria.where("programKind").is(ProgramKind.CHALLENGE.name())
        .and("status").is(ProjectStatus.COMPLETED.name());
    if (programId != null) {
      criteria = criteria.and("programId").is(programId);
    }
    return template.find(new Query(criteria), Project.class, MongoProjects.COLLECTION);
  }

  @Override
  public Flux<EvidenceFile> files(String projectId, List<String> fileIds) {
    String owner = PerformanceEvaluation.owner(projectId);
    return Flux.fromIterable(new HashSet<>(fileIds))
        .concatMap(store::find)
        .filter(d -> owner.equals(d.ownerId()) && d.sha256() != null && d.mediaType() != null)
        .map(GridFsEvidenceFiles::toEvidence);
  }

  /** Of these stored files, the ids that an evaluation names (kept by the evidence sweep). */
  public Mono<Set<String>> referenced(List<StoredDocument> files) {
    List<String> ids = files.stream().map(StoredDocument::id).toList();
    Query query = Query.query(Criteria.where("ratings.evidenceFiles.fileId").in(ids));
    return template.find(query, PerformanceEvaluation.class, COLLECTION)
        .flatMapIterable(PerformanceEvaluation::fileIds)
        .collect(HashSet::new, Set::add);
  }
}
