package org.fundflow.platform.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request the domain or a use case refuses for a reason the caller can act on: what kind of refusal it is, a stable
 * slug (the last part of the problem type URI), a short title, a detail for humans and extra properties. The
 * platform answers every refusal the same way, as an RFC 9457 problem (infra/platform, {@code ProblemResponses}), so a
 * service declares its refusals and writes no mapping. Never put a national ID number in clear into one.
 */
public class Refusal extends RuntimeException {

  /** Why the request is refused; the platform turns each kind into one HTTP status. */
  public enum Kind {
    /** The record does not exist or is not visible to the caller (404). */
    NOT_FOUND,
    /** The caller may not do this (403). */
    FORBIDDEN,
    /** Not possible in the record's current state (409). */
    CONFLICT,
    /** The request was made on another version than the current one (412). */
    PRECONDITION_FAILED,
    /** A rule refuses the request as it is (422). */
    UNPROCESSABLE
  }

  private final Kind kind;
  private final String slug;
  private final String title;
  private final Map<String, Object> properties;

  public Refusal(Kind kind, String slug, String title, String detail) {
    this(kind, slug, title, detail, Map.of());
  }

  public Refusal(Kind kind, String slug, String title, String detail, Map<String, ?> properties) {
    super(detail);
    this.kind = kind;
    this.slug = slug;
    this.title = title;
    this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
  }

  public Kind kind() {
    return kind;
  }

  /** The stable name of the refusal, e.g. {@code version-mismatch}: the problem type's last segment. */
  public String slug() {
    return slug;
  }

  public String title() {
    return title;
  }

  /** The detail for humans (the exception's message). */
  public String detail() {
    return getMessage();
  }

  /** Extra members of the problem, in order. */
  public Map<String, Object> properties() {
    return properties;
  }
}
