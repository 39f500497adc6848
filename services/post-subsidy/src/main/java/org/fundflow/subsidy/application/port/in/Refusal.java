package org.fundflow.subsidy.application.port.in;

/** A use case refused a request for a reason the caller can act on. Web adapters map kinds to HTTP statuses. */
public class Refusal extends RuntimeException {

  public enum Kind { NOT_FOUND, FORBIDDEN, CONFLICT, PRECONDITION_FAILED, UNPROCESSABLE }

  private final Kind kind;
  private final String slug;
  private final String title;

  public Refusal(Kind kind, String slug, String title, String detail) {
    super(detail);
    this.kind = kind;
    this.slug = slug;
    this.title = title;
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

  public static Refusal notFound(String what, String id) {
    return new Refusal(Kind.NOT_FOUND, "not-found", what + " not found", what + " " + id + " does not exist or is not visible to you");
  }
}
