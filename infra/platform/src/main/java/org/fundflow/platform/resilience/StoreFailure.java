package org.fundflow.platform.resilience;

import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * Which failures count against the store's circuit breaker ({@code record-failure-predicate} of
 * {@code resilience4j.circuitbreaker.instances.store} in fundflow-platform.yml): a store that cannot be reached or
 * does not answer in time, anywhere in the cause chain (also a connection pool the driver paused after another
 * operation's connection failed: every operation on it fails until the server is seen again). A refusal (a duplicate key, a stale version, invalid input)
 * is an answer of a working store and does not count.
 */
public class StoreFailure implements Predicate<Throwable> {

  @Override
  public boolean test(Throwable failure) {
    for (Throwable c = failure; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof DataAccessResourceFailureException || c instanceof MongoSocketException
          || c instanceof MongoTimeoutException || c instanceof MongoConnectionPoolClearedException
          || c instanceof TimeoutException) {
        return true;
      }
    }
    return false;
  }
}
