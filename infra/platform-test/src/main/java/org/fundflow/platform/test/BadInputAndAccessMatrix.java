package org.fundflow.platform.test;

import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The one driver of the services' bad-input and role x endpoint matrix tests (issue 13 point 6): a service's
 * {@code BadInputAndAccessMatrixIT} implements this interface, keeps its tables (static {@code badRequests()},
 * {@code refusedCalls()} and {@code allowedCalls()}, see {@link BadInputMatrix#calls}) and its specifics, and runs
 * these three tests in this order:
 * <ol>
 *   <li>every bad request is a 4xx problem (exactly the case's status unless 0) or, where the service takes bad
 *   input by design (a list import of only bad rows), exactly the case's 2xx; it names the field the case expects
 *   ({@link BadInputMatrix#expectField}) and leaves the store as it was;</li>
 *   <li>every refused call (a role that may not) is exactly its status as a problem and leaves the store as it was;</li>
 *   <li>every allowed call answers its status, each on a fresh target.</li>
 * </ol>
 * The class needs {@code @TestMethodOrder(MethodOrderer.OrderAnnotation.class)}.
 *
 * @param <S> the test class itself (endpoints make their targets with its helpers)
 * @param <F> the records made once for the cases (the fixture)
 * @param <W> who calls: the roles of the matrix
 */
public interface BadInputAndAccessMatrix<S extends BadInputAndAccessMatrix<S, F, W>, F, W extends Enum<W>> {

  /** One request of a case. No token = anonymous, no body = no content type. */
  record Request(HttpMethod method, String path, String token, Object body, MediaType type, Map<String, String> headers) {}

  /** A malformed request and the status it must get (0 = any 4xx). Its {@code toString()} names the case. */
  interface BadInput<F> {
    String name();

    int expected();

    Request request(F fixture);
  }

  /** An endpoint of the role table: how to make a target for it, the request of a role on it, and who may call it. */
  interface Endpoint<S, T, W> {
    String name();

    Map<W, Integer> expected();

    T target(S test);

    /** The request {@code who} sends to {@code target} (the test class gives its helpers). */
    Request request(S test, T target, W who);
  }

  /** The table printer and store comparison of this test class (one static instance). */
  BadInputMatrix matrix();

  WebTestClient webClient();

  ReactiveMongoTemplate store();

  /** The fixture, made before the first case. */
  F fixtureRecords();

  /** What this service checks beyond the common assertions of a bad request (nothing by default). */
  default void alsoAssertBadInput(BadInput<F> c, EntityExchangeResult<String> r) {}

  @ParameterizedTest(name = "{index}: {0}")
  @MethodSource("badRequests")
  @Order(1)
  default void badRequestIsAProblemAndChangesNothing(BadInput<F> c) {
    matrix().baseline(store());
    EntityExchangeResult<String> r = exchange(c.request(fixtureRecords()));
    if (c.expected() >= 200 && c.expected() < 300) {
      matrix().assertBadInputAccepted(c.name(), r, c.expected());
    } else {
      matrix().assertBadInputRefused(c.name(), r, c.expected());
    }
    matrix().assertNamesExpectedField(c.name(), r);
    alsoAssertBadInput(c, r);
    matrix().assertUnchanged(store(), c.name());
  }

  /** Refused calls (401/403/404 ...) first: each is a problem and leaves the store as it was. */
  @ParameterizedTest(name = "{0} as {1} -> {2}")
  @MethodSource("refusedCalls")
  @Order(2)
  default void refusedCallChangesNothing(String endpoint, W who, int expected, Endpoint<S, ?, W> e) {
    EntityExchangeResult<String> r = refusedCall(e, who);
    matrix().assertCallRefused(endpoint, who, r, expected);
    matrix().assertUnchanged(store(), endpoint + " as " + who);
  }

  /** Allowed calls, each on a fresh target. */
  @ParameterizedTest(name = "{0} as {1} -> {2}")
  @MethodSource("allowedCalls")
  @Order(3)
  default void allowedCallSucceeds(String endpoint, W who, int expected, Endpoint<S, ?, W> e) {
    matrix().assertCallAllowed(endpoint, who, allowedCall(e, who), expected);
  }

  private <T> EntityExchangeResult<String> refusedCall(Endpoint<S, T, W> e, W who) {
    T target = matrix().refusedTarget(e.name(), () -> e.target(self()));
    matrix().baseline(store());
    return exchange(e.request(self(), target, who));
  }

  private <T> EntityExchangeResult<String> allowedCall(Endpoint<S, T, W> e, W who) {
    return exchange(e.request(self(), e.target(self()), who));
  }

  @SuppressWarnings("unchecked")
  private S self() {
    return (S) this;
  }

  private EntityExchangeResult<String> exchange(Request q) {
    return BadInputMatrix.exchange(webClient(), q.method(), q.path(), q.token(), q.body(), q.type(), q.headers());
  }
}
