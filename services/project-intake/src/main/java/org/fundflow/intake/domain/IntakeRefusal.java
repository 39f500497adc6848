package org.fundflow.intake.domain;

import java.util.LinkedHashMap;
import java.util.List;
import org.fundflow.platform.domain.ExpectedVersion;
import java.util.Map;

/**
 * A refusal by the intake rules: what kind of refusal it is (so adapters can choose a status),
 * a stable slug, a short title, a human-readable detail and extra properties. Never carries a
 * national ID number in clear.
 */
public class IntakeRefusal extends RuntimeException {

  public enum Kind { NOT_FOUND, CONFLICT, UNPROCESSABLE, FORBIDDEN, PRECONDITION_FAILED }

  private final Kind kind;
  private final String slug;
  private final String title;
  private final Map<String, Object> properties;

  public IntakeRefusal(Kind kind, String slug, String title, String detail, Map<String, ?> properties) {
    super(detail, null, false, false);
    this.kind = kind;
    this.slug = slug;
    this.title = title;
    this.properties = new LinkedHashMap<>(properties);
  }

  public static IntakeRefusal notFound(String what, String id) {
    return new IntakeRefusal(Kind.NOT_FOUND, "not-found", what + " not found",
        what + " " + id + " does not exist or is not visible to you", Map.of());
  }

  public static IntakeRefusal rule(String slug, String title, String detail) {
    return new IntakeRefusal(Kind.UNPROCESSABLE, slug, title, detail, Map.of());
  }

  public static IntakeRefusal rule(String slug, String title, String detail, Map<String, ?> properties) {
    return new IntakeRefusal(Kind.UNPROCESSABLE, slug, title, detail, properties);
  }

  public static IntakeRefusal illegalTransition(String what, String id, Enum<?> current, String action) {
    return new IntakeRefusal(Kind.CONFLICT, "illegal-transition", "Illegal transition",
        what + " " + id + " is " + current + ": it cannot be " + action,
        Map.of("currentStatus", current.name(), "action", action));
  }

  /**
   * The client decided on another version than the current one (If-Match): {@code expectedVersion} is the version it
   * named, or the list of them when it named several or none of ours (a weak tag matches no version).
   */
  public static IntakeRefusal versionMismatch(String what, String id, ExpectedVersion expected, long current) {
    List<Long> named = expected.versions();
    Object expectedVersion = named.size() == 1 ? named.get(0) : named;
    return new IntakeRefusal(Kind.PRECONDITION_FAILED, "version-mismatch", "Changed since you read it",
        what + " " + id + " is at version " + current + ", the request was made for version " + expected
            + ": read it again before deciding", Map.of("currentVersion", current, "expectedVersion", expectedVersion));
  }

  public static IntakeRefusal forbidden(String detail) {
    return new IntakeRefusal(Kind.FORBIDDEN, "forbidden", "Forbidden", detail, Map.of());
  }

  public Kind kind() {
    return kind;
  }

  public String slug() {
    return slug;
  }

  public String title() {
    return title;
  }

  public Map<String, Object> properties() {
    return properties;
  }
}
