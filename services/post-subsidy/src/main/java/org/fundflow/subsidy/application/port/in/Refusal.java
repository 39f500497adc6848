package org.fundflow.subsidy.application.port.in;

/**
 * A use case refused a request for a reason the caller can act on (the platform's refusal, answered as a problem by
 * the platform).
 */
public class Refusal extends org.fundflow.platform.domain.Refusal {

  public Refusal(Kind kind, String slug, String title, String detail) {
    super(kind, slug, title, detail);
  }

  public static Refusal notFound(String what, String id) {
    return new Refusal(Kind.NOT_FOUND, "not-found", what + " not found", what + " " + id + " does not exist or is not visible to you");
  }
}
