package org.fundflow.intake.domain;

import org.fundflow.platform.domain.Refusal;
import java.util.List;
import org.fundflow.platform.domain.ExpectedVersion;
import java.util.Map;

/**
 * A refusal by the intake rules (the platform's {@link Refusal}: kind, stable slug, title, detail and extra
 * properties; the platform answers it as a problem). Never carries a national ID number in clear.
 */
public class IntakeRefusal extends Refusal {

  public IntakeRefusal(Kind kind, String slug, String title, String detail, Map<String, ?> properties) {
    super(kind, slug, title, detail, properties);
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
}
