package org.fundflow.portal.client;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.web.reactive.function.BodyInserter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriBuilder;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * One of the four services, called with the logged-in user's access token (the token relay filter of the
 * {@link WebClient}), a timeout, and the service's own circuit breaker. Every failure ends as either a
 * {@link ServiceProblem} (the service said no: 4xx) or a {@link ServiceUnavailable} (anything else).
 */
public final class ServiceClient {

  private static final Logger log = LoggerFactory.getLogger(ServiceClient.class);

  private static final java.util.Set<String> STANDARD_MEMBERS = java.util.Set.of("type", "title", "status", "detail",
      "instance");

  private final String name;
  private final WebClient web;
  private final CircuitBreaker breaker;
  private final Duration timeout;

  public ServiceClient(String name, WebClient web, CircuitBreaker breaker, Duration timeout) {
    this.name = name;
    this.web = web;
    this.breaker = breaker;
    this.timeout = timeout;
  }

  public String name() {
    return name;
  }

  public CircuitBreaker breaker() {
    return breaker;
  }

  public <T> Mono<T> get(Function<UriBuilder, URI> uri, Class<T> type) {
    return guarded(web.get().uri(uri).accept(MediaType.APPLICATION_JSON)
        .exchangeToMono(response -> read(response, r -> r.bodyToMono(type))));
  }

  public <T> Mono<T> get(Function<UriBuilder, URI> uri, ParameterizedTypeReference<T> type) {
    return guarded(web.get().uri(uri).accept(MediaType.APPLICATION_JSON)
        .exchangeToMono(response -> read(response, r -> r.bodyToMono(type))));
  }

  /**
   * Any call with its own headers (If-Match, Idempotency-Key) and body ({@code null}: none); the answer with its
   * headers (the ETag of a read to send back as If-Match).
   */
  public <T> Mono<ResponseEntity<T>> exchange(HttpMethod method, Function<UriBuilder, URI> uri,
      Consumer<HttpHeaders> headers, BodyInserter<?, ? super ClientHttpRequest> body, Class<T> type) {
    WebClient.RequestBodySpec spec = web.method(method).uri(uri).headers(headers).accept(MediaType.APPLICATION_JSON);
    WebClient.RequestHeadersSpec<?> ready = body == null ? spec : spec.body(body);
    return guarded(ready.exchangeToMono(response -> read(response, r -> r.toEntity(type))));
  }

  /** A read that also returns the record's {@code ETag}, to send back as {@code If-Match} with a decision. */
  public <T> Mono<Tagged<T>> getTagged(Function<UriBuilder, URI> uri, Class<T> type) {
    return guarded(web.get().uri(uri).accept(MediaType.APPLICATION_JSON)
        .exchangeToMono(response -> read(response, r -> r.bodyToMono(type)
            .map(body -> new Tagged<>(body, r.headers().asHttpHeaders().getETag())))));
  }

  /**
   * A change (POST, PUT): the JSON body (none when null), and the headers the form carries ({@code If-Match},
   * {@code Idempotency-Key}; a null value is left out). Never retried: one click is one call.
   */
  public <T> Mono<T> send(HttpMethod method, Function<UriBuilder, URI> uri, Object body, Map<String, String> headers,
      Class<T> type) {
    WebClient.RequestBodySpec request = web.method(method).uri(uri).accept(MediaType.APPLICATION_JSON)
        .headers(h -> headers.forEach((k, v) -> {
          if (v != null && !v.isBlank()) {
            h.set(k, v);
          }
        }));
    WebClient.RequestHeadersSpec<?> ready = body == null ? request
        : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
    return guarded(ready.exchangeToMono(response -> read(response, r -> r.bodyToMono(type))));
  }

  /** A multipart upload (e.g. a file part streamed through from the browser). */
  public <T> Mono<T> upload(Function<UriBuilder, URI> uri, MultiValueMap<String, HttpEntity<?>> parts, Class<T> type) {
    return guarded(web.post().uri(uri).accept(MediaType.APPLICATION_JSON).contentType(MediaType.MULTIPART_FORM_DATA)
        .body(BodyInserters.fromMultipartData(parts))
        .exchangeToMono(response -> read(response, r -> r.bodyToMono(type))));
  }

  /** The request headers a download passes through to the service (conditional and range requests). */
  public static final java.util.List<String> DOWNLOAD_REQUEST_HEADERS = java.util.List.of(HttpHeaders.RANGE,
      HttpHeaders.IF_NONE_MATCH, HttpHeaders.IF_RANGE);

  /** The response headers of a download the browser gets as the service sent them. */
  public static final java.util.List<String> DOWNLOAD_RESPONSE_HEADERS = java.util.List.of(HttpHeaders.CONTENT_TYPE,
      HttpHeaders.CONTENT_LENGTH, HttpHeaders.CONTENT_DISPOSITION, HttpHeaders.ETAG, HttpHeaders.ACCEPT_RANGES,
      HttpHeaders.CONTENT_RANGE, HttpHeaders.LAST_MODIFIED);

  /**
   * A file download streamed through (issue 15 point 7): the service's body as a {@link reactor.core.publisher.Flux}
   * of {@link org.springframework.core.io.buffer.DataBuffer}s, written to the browser as it arrives and never held
   * whole; the status (200, 206, 304) and the file headers ({@code Content-Disposition}, type, length, ETag, ranges)
   * as the service sent them. The timeout and the breaker cover the answer's head, not the transfer.
   */
  public Mono<ResponseEntity<reactor.core.publisher.Flux<org.springframework.core.io.buffer.DataBuffer>>> download(
      Function<UriBuilder, URI> uri, HttpHeaders request) {
    return guarded(web.get().uri(uri)
        .headers(h -> DOWNLOAD_REQUEST_HEADERS.forEach(name -> {
          String value = request.getFirst(name);
          if (value != null) {
            h.set(name, value);
          }
        }))
        .retrieve()
        .onStatus(status -> !status.is2xxSuccessful() && status.value() != 304,
            response -> read(response, r -> Mono.<Throwable>empty()))
        .toEntityFlux(org.springframework.core.io.buffer.DataBuffer.class)
        .map(entity -> {
          HttpHeaders headers = new HttpHeaders();
          DOWNLOAD_RESPONSE_HEADERS.forEach(name -> {
            java.util.List<String> values = entity.getHeaders().get(name);
            if (values != null) {
              headers.put(name, values);
            }
          });
          headers.set("X-Content-Type-Options", "nosniff");
          return new ResponseEntity<>(entity.getBody() == null ? reactor.core.publisher.Flux.empty() : entity.getBody(),
              headers, entity.getStatusCode());
        }));
  }

  /** A multipart upload of one browser file part, streamed through (never held whole); part name {@code file}. */
  public <T> Mono<T> uploadFile(Function<UriBuilder, URI> uri, org.springframework.http.codec.multipart.FilePart file,
      Class<T> type) {
    org.springframework.http.client.MultipartBodyBuilder parts = new org.springframework.http.client.MultipartBodyBuilder();
    parts.asyncPart("file", file.content(), org.springframework.core.io.buffer.DataBuffer.class)
        .filename(file.filename())
        .contentType(file.headers().getContentType() == null ? MediaType.APPLICATION_OCTET_STREAM
            : file.headers().getContentType());
    return upload(uri, parts.build(), type);
  }

  public Mono<Void> delete(Function<UriBuilder, URI> uri) {
    return guarded(web.delete().uri(uri).accept(MediaType.APPLICATION_JSON)
        .exchangeToMono(response -> read(response, ClientResponse::releaseBody)));
  }

  private <T> Mono<T> guarded(Mono<T> call) {
    return call.timeout(timeout)
        .transformDeferred(CircuitBreakerOperator.of(breaker))
        .onErrorMap(e -> !(e instanceof ServiceProblem) && !(e instanceof ServiceUnavailable),
            e -> new ServiceUnavailable(name, e))
        // the page only says "unavailable"; the operator needs the cause (a timeout, an open breaker, a 5xx, or an
        // answer the portal could not read)
        .doOnError(ServiceUnavailable.class, e -> log.warn("{} call failed: {}", name, e.getMessage()));
  }

  private <T> Mono<T> read(ClientResponse response, Function<ClientResponse, Mono<T>> body) {
    HttpStatusCode status = response.statusCode();
    if (status.is2xxSuccessful()) {
      return body.apply(response);
    }
    if (status.is4xxClientError()) {
      return response.bodyToMono(JsonNode.class)
          .map(problem -> problem(status.value(), problem))
          .switchIfEmpty(Mono.fromSupplier(() -> new ServiceProblem(name, status.value(), null, null, Map.of())))
          .onErrorResume(unreadable -> Mono.just(new ServiceProblem(name, status.value(), null, null, Map.of())))
          .flatMap(Mono::error);
    }
    return response.releaseBody().then(Mono.error(new ServiceUnavailable(name,
        new IllegalStateException("HTTP " + status.value()))));
  }

  private ServiceProblem problem(int status, JsonNode body) {
    URI type = null;
    JsonNode typeNode = body.get("type");
    if (typeNode != null && typeNode.isString()) {
      try {
        type = URI.create(typeNode.asString());
      } catch (IllegalArgumentException ignored) {
        // an unreadable type is shown as the status' generic message
      }
    }
    Map<String, String> fields = new LinkedHashMap<>();
    JsonNode errors = body.get("errors");
    if (errors != null && errors.isArray()) {
      for (JsonNode error : errors) {
        JsonNode field = error.get("field");
        JsonNode message = error.get("message");
        if (field != null && message != null) {
          fields.put(field.asString(), message.asString());
        }
      }
    }
    JsonNode detail = body.get("detail");
    Map<String, String> extensions = new LinkedHashMap<>();
    body.properties().forEach(e -> {
      if (e.getValue().isValueNode() && !e.getValue().isNull() && !STANDARD_MEMBERS.contains(e.getKey())) {
        extensions.put(e.getKey(), e.getValue().asString());
      }
    });
    return new ServiceProblem(name, status, type, detail == null ? null : detail.asString(), fields, extensions);
  }
}
