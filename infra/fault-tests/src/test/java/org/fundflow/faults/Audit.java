package org.fundflow.faults;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.bson.Document;
import org.fundflow.platform.test.ServiceProcess;

/**
 * The auditor: reads every service's database directly (nothing else may) and checks that every event had its
 * effect exactly once and nothing was paid twice. Each finding is a line; the figures are counts of findings.
 */
final class Audit implements AutoCloseable {

  final List<String> lost = new ArrayList<>();
  final List<String> duplicates = new ArrayList<>();
  final List<String> doubledPayments = new ArrayList<>();

  private final MongoClient client;
  private final MongoDatabase intake;
  private final MongoDatabase milestone;
  private final MongoDatabase subsidy;
  private final MongoDatabase integrity;

  Audit(String mongoUri) {
    this.client = MongoClients.create(mongoUri);
    this.intake = client.getDatabase(ServiceProcess.DATABASES.get("project-intake"));
    this.milestone = client.getDatabase(ServiceProcess.DATABASES.get("milestone-review"));
    this.subsidy = client.getDatabase(ServiceProcess.DATABASES.get("post-subsidy"));
    this.integrity = client.getDatabase(ServiceProcess.DATABASES.get("integrity-check"));
  }

  /** Aggregate documents whose outbox still holds entries, per database.collection. */
  Map<String, Long> outboxBacklog() {
    Map<String, Long> backlog = new LinkedHashMap<>();
    for (MongoDatabase db : List.of(intake, milestone, subsidy, integrity)) {
      for (String collection : db.listCollectionNames()) {
        long n = db.getCollection(collection).countDocuments(new Document("outbox.0", new Document("$exists", true)));
        if (n > 0) {
          backlog.put(db.getName() + "." + collection, n);
        }
      }
    }
    return backlog;
  }

  /** Budget reservations not yet confirmed or given back (post-subsidy's reconciler finishes interrupted ones). */
  long openReservations(Set<String> programIds) {
    long open = 0;
    for (Document p : subsidy.getCollection("programs").find(new Document("_id", new Document("$in", List.copyOf(programIds))))) {
      open += number(p, "committedFen");
    }
    return open;
  }

  void check(Set<String> programIds) {
    List<Document> proposals = intake.getCollection("proposals")
        .find(new Document("programId", new Document("$in", List.copyOf(programIds)))).into(new ArrayList<>());
    Map<String, Document> milestoneProjects = byId(milestone.getCollection("projects").find().into(new ArrayList<>()));
    Map<String, Document> subsidyProjects = byId(subsidy.getCollection("projects").find().into(new ArrayList<>()));
    Map<String, Document> archived = byId(integrity.getCollection("proposals").find().into(new ArrayList<>()));
    Map<String, Document> disbursements = byId(subsidy.getCollection("disbursements").find().into(new ArrayList<>()));
    Map<String, Document> subsidyPrograms = byId(subsidy.getCollection("programs").find().into(new ArrayList<>()));
    Map<String, Document> intakePrograms = byId(intake.getCollection("programs").find().into(new ArrayList<>()));
    Map<String, Document> histories = byId(integrity.getCollection("organisation-history").find().into(new ArrayList<>()));

    Map<String, Long> awardedByProgram = new HashMap<>();
    Map<String, Integer> awardsByProgram = new HashMap<>();
    Set<String> awardedProjects = new java.util.HashSet<>();
    for (Document p : proposals) {
      String id = p.getString("_id");
      String status = p.getString("status");
      if (!"DRAFT".equals(status) && !archived.containsKey(id)) {
        lost.add("proposal " + id + " " + status + " but integrity-check has no record of its submission");
      }
      if (!"AWARDED".equals(status)) {
        continue;
      }
      String projectId = "prj-" + (id.startsWith("prp-") ? id.substring(4) : id);
      awardedProjects.add(projectId);
      long awarded = number(p, "awardedAmountFen");
      awardedByProgram.merge(p.getString("programId"), awarded, Long::sum);
      awardsByProgram.merge(p.getString("programId"), 1, Integer::sum);
      Document project = milestoneProjects.get(projectId);
      if (project == null) {
        lost.add("award " + id + ": no project " + projectId + " in milestone-review");
      } else if (number(project, "awardedAmountFen") != awarded) {
        duplicates.add("project " + projectId + " in milestone-review has " + number(project, "awardedAmountFen")
            + " awarded, intake " + awarded);
      }
      Document subsidyProject = subsidyProjects.get(projectId);
      if (subsidyProject == null) {
        lost.add("award " + id + ": no project " + projectId + " in post-subsidy");
      } else if (number(subsidyProject, "awardedFen") != awarded) {
        duplicates.add("project " + projectId + " in post-subsidy has " + number(subsidyProject, "awardedFen")
            + " awarded, intake " + awarded);
      }
      Document advance = disbursements.get("adv-" + projectId);
      if (advance == null) {
        lost.add("award " + id + ": no advance disbursement adv-" + projectId);
      }
      if (project != null && "COMPLETED".equals(project.getString("status")) && !disbursements.containsKey("bal-" + projectId)) {
        lost.add("project " + projectId + " COMPLETED: no balance disbursement bal-" + projectId);
      }
      if (project != null && project.getList("reports", Document.class, List.of()).size() > 1) {
        duplicates.add("project " + projectId + " has " + project.getList("reports", Document.class).size()
            + " reports for its one milestone");
      }
      long paid = disbursements.values().stream()
          .filter(d -> projectId.equals(d.getString("projectId")) && "RELEASED".equals(d.getString("status")))
          .mapToLong(d -> number(d, "amountFen")).sum();
      if (paid > awarded) {
        doubledPayments.add("project " + projectId + ": " + paid + " released for " + awarded + " awarded");
      }
      // integrity-check sums each organisation's releases (disbursement-released, replayed too): once each
      Document history = histories.get(p.getString("organisationCode"));
      long historyTotal = history == null ? 0 : number(history, "releasedTotalFen");
      if (historyTotal < paid) {
        lost.add("organisation " + p.getString("organisationCode") + ": integrity-check knows of " + historyTotal
            + " released, post-subsidy released " + paid);
      } else if (historyTotal > paid) {
        duplicates.add("organisation " + p.getString("organisationCode") + ": integrity-check counts " + historyTotal
            + " released, post-subsidy released " + paid);
      }
    }
    for (Document d : disbursements.values()) {
      if (!awardedProjects.contains(d.getString("projectId")) && programIds.contains(d.getString("programId"))) {
        duplicates.add("disbursement " + d.getString("_id") + " for a project that was never awarded");
      }
    }
    for (String project : milestoneProjects.keySet()) {
      if (!awardedProjects.contains(project)) {
        duplicates.add("milestone-review project " + project + " without an award");
      }
    }
    for (String programId : programIds) {
      Document ip = intakePrograms.get(programId);
      long awarded = awardedByProgram.getOrDefault(programId, 0L);
      if (ip != null && number(ip, "committedFen") != awarded) {
        duplicates.add("intake program " + programId + ": committed " + number(ip, "committedFen") + " != awarded " + awarded);
      }
      Document sp = subsidyPrograms.get(programId);
      if (sp == null) {
        lost.add("program " + programId + " unknown to post-subsidy");
        continue;
      }
      long released = disbursements.values().stream()
          .filter(d -> programId.equals(d.getString("programId")) && "RELEASED".equals(d.getString("status")))
          .mapToLong(d -> number(d, "amountFen")).sum();
      long releasedCount = disbursements.values().stream()
          .filter(d -> programId.equals(d.getString("programId")) && "RELEASED".equals(d.getString("status"))).count();
      if (number(sp, "releasedFen") != released) {
        doubledPayments.add("post-subsidy program " + programId + ": releasedFen " + number(sp, "releasedFen")
            + " != sum of released disbursements " + released);
      }
      Document commitments = sp.get("commitments", Document.class);
      long confirmed = commitments == null ? 0 : commitments.values().stream()
          .filter(c -> c instanceof Document cd && "RELEASED".equals(cd.getString("state"))).count();
      if (confirmed != releasedCount) {
        doubledPayments.add("post-subsidy program " + programId + ": " + confirmed + " confirmed reservations for "
            + releasedCount + " released disbursements");
      }
      if (released > awarded) {
        doubledPayments.add("program " + programId + ": released " + released + " > awarded " + awarded);
      }
    }
  }

  /** One document of each collection (outbox and inbox cut short), to see the real field names. */
  String sample() {
    StringBuilder out = new StringBuilder();
    for (MongoDatabase db : List.of(intake, milestone, subsidy, integrity)) {
      for (String collection : db.listCollectionNames()) {
        Document d = db.getCollection(collection).find().first();
        if (d != null) {
          d.remove("inbox");
          String json = d.toJson();
          out.append(db.getName()).append('.').append(collection).append(": ")
              .append(json.length() > 1500 ? json.substring(0, 1500) + "..." : json).append('\n');
        }
      }
    }
    return out.toString();
  }

  private static Map<String, Document> byId(List<Document> docs) {
    return docs.stream().collect(Collectors.toMap(d -> String.valueOf(d.get("_id")), d -> d, (a, b) -> a, LinkedHashMap::new));
  }

  static long number(Document d, String field) {
    Object v = d.get(field);
    return v instanceof Number n ? n.longValue() : 0L;
  }

  @Override
  public void close() {
    client.close();
  }
}
