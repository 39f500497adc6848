package org.fundflow.integrity.application.port.in;

import java.util.List;
import org.fundflow.integrity.domain.IntegrityRecord;
import org.fundflow.integrity.domain.Subject;
import org.fundflow.integrity.domain.list.DishonestyEntry;
import reactor.core.publisher.Mono;

public interface ReadIntegrityRecordUseCase {

  record RecordView(IntegrityRecord record, List<DishonestyEntry> listEntries) {}

  Mono<RecordView> of(Subject subject);

  /** A person's record looked up by the national ID given in the request (hashed, never kept). */
  Mono<RecordView> ofPerson(String nationalId);
}
