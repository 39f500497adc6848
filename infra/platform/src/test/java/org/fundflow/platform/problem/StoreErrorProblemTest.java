package org.fundflow.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.ServerAddress;
import com.mongodb.connection.ClusterId;
import com.mongodb.connection.ServerId;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.UncategorizedMongoDbException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * A driver failure Spring leaves uncategorised: the store's 503 problem with Retry-After when the store failed (the
 * scale-out fault run got a bare 500 for a connection pool the driver had paused), anything else left to the default.
 */
class StoreErrorProblemTest {

  final ProblemResponses responses = new ProblemResponses();

  @Test
  void aPausedConnectionPool_isTheStores503WithRetryAfter() {
    UncategorizedMongoDbException paused = new UncategorizedMongoDbException("pool paused",
        new MongoConnectionPoolClearedException(new ServerId(new ClusterId(), new ServerAddress()),
            new RuntimeException("connection reset")));
    ResponseEntity<Object> answer = responses.uncategorizedStoreError(paused);
    assertThat(answer.getStatusCode().value()).isEqualTo(503);
    assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo(ProblemResponses.RETRY_AFTER_SECONDS);
    assertThat(((ProblemDetail) answer.getBody()).getType().toString()).endsWith("store-unavailable");
  }

  @Test
  void anotherUncategorisedFailure_isNotCalledAStoreOutage() {
    UncategorizedMongoDbException other = new UncategorizedMongoDbException("something else", new IllegalStateException());
    assertThatThrownBy(() -> responses.uncategorizedStoreError(other)).isSameAs(other);
  }
}
