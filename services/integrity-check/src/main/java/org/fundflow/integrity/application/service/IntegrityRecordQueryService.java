package org.fundflow.integrity.application.service;

import org.fundflow.integrity.application.port.in.ReadIntegrityRecordUseCase;
import org.fundflow.integrity.application.port.out.DishonestyList;
import org.fundflow.integrity.application.port.out.IntegrityRecords;
import org.fundflow.platform.domain.PersonIdProtection;
import org.fundflow.integrity.domain.Subject;
import reactor.core.publisher.Mono;

public final class IntegrityRecordQueryService implements ReadIntegrityRecordUseCase {

  private final IntegrityRecords records;
  private final DishonestyList list;
  private final PersonIdProtection hashing;

  public IntegrityRecordQueryService(IntegrityRecords records, DishonestyList list, PersonIdProtection hashing) {
    this.records = records;
    this.list = list;
    this.hashing = hashing;
  }

  @Override
  public Mono<RecordView> of(Subject subject) {
    return Mono.zip(records.load(subject), list.of(subject).collectList())
        .map(t -> new RecordView(t.getT1(), t.getT2()));
  }

  @Override
  public Mono<RecordView> ofPerson(String nationalId) {
    return of(Subject.person(hashing.hash(nationalId)));
  }
}
