package org.fundflow.platform.documents;

import java.util.Set;
import java.util.function.Function;
import org.fundflow.platform.scheduling.PeriodicSweep;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The sweep of a service's stored files whose owner does not exist (any more), and of the chunks of uploads a crash
 * cut off, every {@link DocumentProperties#sweepInterval()} after the grace period ({@link DocumentStore#sweepOrphans});
 * it logs how many files it removed when it removed any.
 */
public final class OrphanFileSweep {

  private static final Logger log = LoggerFactory.getLogger(OrphanFileSweep.class);

  private OrphanFileSweep() {}

  /**
   * @param name the sweep's name in the log
   * @param existingOwners of the owner ids asked about, those that exist
   * @param files what the files are, in the log line: "removed 3 {files} or cut-off uploads"
   */
  public static PeriodicSweep of(String name, DocumentStore store,
      Function<Set<String>, Mono<Set<String>>> existingOwners, String files) {
    return new PeriodicSweep(name, store.properties().sweepInterval(),
        () -> store.sweepOrphans(existingOwners).doOnNext(removed -> {
          if (removed > 0) {
            log.info("removed {} {} or cut-off uploads", removed, files);
          }
        }));
  }
}
