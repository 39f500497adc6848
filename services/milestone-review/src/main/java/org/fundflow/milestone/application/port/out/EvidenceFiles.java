package org.fundflow.milestone.application.port.out;

import java.util.List;
import org.fundflow.milestone.domain.EvidenceFile;
import reactor.core.publisher.Flux;

/** The metadata of the evidence files stored for milestones (the bytes stay with the adapter). */
public interface EvidenceFiles {

  EvidenceFiles NONE = (owner, fileIds) -> Flux.empty();

  /** Of {@code fileIds}, the files stored for {@code owner} (see {@code MilestoneEvidence.owner}); unknown ids are left out. */
  Flux<EvidenceFile> find(String owner, List<String> fileIds);
}
