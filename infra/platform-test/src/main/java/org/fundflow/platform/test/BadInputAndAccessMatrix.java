package org.fundflow.platform.test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ArgumentsSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The one driver of the services' bad-input and role x endpoint matrix tests (issue 13 point 6): a service's
 * {@code BadInputAndAccessMatrixIT} implements this interface, keeps its tables (static {@code badRequests()},
 * {@code endpoints()}, whose cases {@link TableCalls} reads) and its specifics, gives the driver its {@link #setup()},
 * and runs these three tests in this order:
 * <ol>
 *   <li>every bad request is a 4xx problem (exactly the case's status unless 0) or, where the service takes bad
 *   input by design (a list import of only bad rows), exactly the case's 2xx; it names the field the case expects
 *   ({@link BadInputMatrix#expectField}) and leaves the store as it was;</li>
 *   <li>every refused call (a role that may not) is exactly its status as a problem and leaves the store as it was;</li>
 *   <li>every allowed call answers its status, each on a fresh target.</li>
 * </ol>
 * The class needs {@code @TestMethodOrder(MethodOrderer.OrderAnnotation.class)}. The rows every service has are built
 * here: {@link #statuses} (who may call: anonymous 401, the other roles 403) and {@link #read} (a GET that changes
 * nothing, such as the dashboard figures under {@code /statistics}). A service with file endpoints also implements
 * {@link FileAccessMatrix}.
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

  /**
   * What the driver uses of the test class.
   *
   * @param matrix the table printer and store comparison of the test class (one static instance)
   * @param fixture the fixture, made before the first case (read when a case needs it)
   * @param tokens the bearer token of each role ({@code null}: anonymous), for the rows built here
   */
  record Setup<F, W>(BadInputMatrix matrix, WebTestClient web, ReactiveMongoTemplate store, Supplier<F> fixture,
      Function<W, String> tokens) {}

  Setup<F, W> setup();

  /**
   * A row of the role table: {@code anonymous} gets 401, every other role 403, the {@code allowed} ones {@code ok}.
   * The map is the test's to change further (e.g. 404 for another organisation).
   */
  @SafeVarargs
  static <W extends Enum<W>> Map<W, Integer> statuses(W anonymous, int ok, W... allowed) {
    Map<W, Integer> row = new LinkedHashMap<>();
    for (W role : anonymous.getDeclaringClass().getEnumConstants()) {
      row.put(role, role == anonymous ? 401 : 403);
    }
    for (W role : allowed) {
      row.put(role, ok);
    }
    return row;
  }

  /** A GET of {@code path} that changes nothing (named {@code GET path}), as each role: {@code expected}. */
  static <S extends BadInputAndAccessMatrix<S, ?, W>, W extends Enum<W>> Endpoint<S, String, W> read(String path,
      Map<W, Integer> expected) {
    return new Read<>("GET " + path, path, expected);
  }

  /** The row {@link #read} builds. */
  record Read<S extends BadInputAndAccessMatrix<S, ?, W>, W extends Enum<W>>(String name, String path,
      Map<W, Integer> expected) implements Endpoint<S, String, W> {
    @Override
    public String target(S test) {
      return path;
    }

    @Override
    public Request request(S test, String target, W who) {
      return new Request(HttpMethod.GET, target, test.setup().tokens().apply(who), null, null, Map.of());
    }
  }

  /** What this service checks beyond the common assertions of a bad request (nothing by default). */
  default void alsoAssertBadInput(BadInput<F> c, EntityExchangeResult<String> r) {}

  @ParameterizedTest(name = "{index}: {0}")
  @MethodSource("badRequests")
  @Order(1)
  default void badRequestIsAProblemAndChangesNothing(BadInput<F> c) {
    matrix().baseline(store());
    EntityExchangeResult<String> r = exchange(c.request(setup().fixture().get()));
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
  @ArgumentsSource(TableCalls.Refused.class)
  @Order(2)
  default void refusedCallChangesNothing(String endpoint, W who, int expected, Endpoint<S, ?, W> e) {
    EntityExchangeResult<String> r = refusedCall(e, who);
    matrix().assertCallRefused(endpoint, who, r, expected);
    matrix().assertUnchanged(store(), endpoint + " as " + who);
  }

  /** Allowed calls, each on a fresh target. */
  @ParameterizedTest(name = "{0} as {1} -> {2}")
  @ArgumentsSource(TableCalls.Allowed.class)
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

  private BadInputMatrix matrix() {
    return setup().matrix();
  }

  private ReactiveMongoTemplate store() {
    return setup().store();
  }

  private EntityExchangeResult<String> exchange(Request q) {
    return BadInputMatrix.exchange(setup().web(), q.method(), q.path(), q.token(), q.body(), q.type(), q.headers());
  }
}
