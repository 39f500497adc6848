package org.fundflow.platform.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoSocketReadException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.ServerAddress;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;

class StoreFailureTest {

  final StoreFailure failure = new StoreFailure();

  @Test
  void givenAStoreThatCannotBeReachedOrDoesNotAnswer_whenClassified_thenItCountsAgainstTheBreaker() {
    assertThat(failure.test(new DataAccessResourceFailureException("down"))).isTrue();
    assertThat(failure.test(new MongoTimeoutException("no server"))).isTrue();
    assertThat(failure.test(new TimeoutException("slow"))).isTrue();
    // wrapped, as the reactive driver and Spring's translation hand them on
    assertThat(failure.test(new RuntimeException(new MongoSocketReadException("reset", new ServerAddress())))).isTrue();
    // the pool paused after another operation's connection failed (seen in the scale-out fault run under load)
    assertThat(failure.test(new org.springframework.data.mongodb.UncategorizedMongoDbException("paused",
        new com.mongodb.MongoConnectionPoolClearedException(new com.mongodb.connection.ServerId(
            new com.mongodb.connection.ClusterId(), new ServerAddress()), new RuntimeException("reset"))))).isTrue();
  }

  @Test
  void givenAnAnswerOfAWorkingStore_whenClassified_thenItDoesNotCount() {
    assertThat(failure.test(new DuplicateKeyException("exists"))).isFalse();
    assertThat(failure.test(new OptimisticLockingFailureException("stale"))).isFalse();
    assertThat(failure.test(new IllegalArgumentException("invalid"))).isFalse();
  }
}
