package org.fundflow.integrity.adapter.out.mongo;

import java.time.Instant;
import java.util.List;
import org.fundflow.integrity.domain.Flag;
import org.fundflow.integrity.domain.Hold;
import org.fundflow.integrity.domain.IntegrityCase;
import org.fundflow.integrity.domain.IntegrityRecord;
import org.fundflow.integrity.domain.ProjectFailure;
import org.fundflow.integrity.domain.SubjectType;
import org.fundflow.integrity.domain.Subject;
import org.springframework.data.annotation.Id;

/**
 * One subject's integrity record in {@code integrity-records}: its flags, cases and holds, with the
 * ids lifted to top-level arrays for look-ups and the next hold end for the expiry sweep. The
 * platform adds {@code version}, {@code outbox} and {@code inbox}.
 */
public class IntegrityRecordDocument {

  public static final String COLLECTION = "integrity-records";

  @Id
  public String id;
  public long version;
  public SubjectType subjectType;
  public String subjectId;
  public List<Flag> flags;
  public List<IntegrityCase> cases;
  public List<Hold> holds;
  public List<ProjectFailure> projectFailures;
  public List<String> flagIds;
  public List<String> caseIds;
  public List<String> holdIds;
  public Instant nextHoldExpiry;
  public boolean onHold;

  public static IntegrityRecordDocument of(IntegrityRecord r) {
    IntegrityRecordDocument d = new IntegrityRecordDocument();
    d.id = r.subject().key();
    d.version = r.version();
    d.subjectType = r.subject().type();
    d.subjectId = r.subject().id();
    d.flags = r.flags();
    d.cases = r.cases();
    d.holds = r.holds();
    d.projectFailures = r.projectFailures();
    d.flagIds = r.flags().stream().map(Flag::flagId).toList();
    d.caseIds = r.cases().stream().map(IntegrityCase::caseId).toList();
    d.holdIds = r.holds().stream().map(Hold::holdId).toList();
    d.nextHoldExpiry = r.nextHoldExpiry().orElse(null);
    d.onHold = r.onHold();
    return d;
  }

  public IntegrityRecord toDomain() {
    return new IntegrityRecord(new Subject(subjectType, subjectId), version, flags, cases, holds, projectFailures);
  }
}
