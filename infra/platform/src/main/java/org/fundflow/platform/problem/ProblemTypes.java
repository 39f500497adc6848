package org.fundflow.platform.problem;

import java.net.URI;
import java.util.List;

/**
 * The problem types the platform itself answers, in one place: the security entry points, the API documentation
 * and the tests read them from here. A service's own refusals (its domain types) are listed in its configuration
 * ({@code fundflow.api-docs.problem-types}) and its README.
 */
public final class ProblemTypes {

  /** One problem type: its slug (the last segment of the {@code type} URI), HTTP status and title. */
  public record ProblemType(String slug, int status, String title) {

    public URI uri() {
      return Problems.type(slug);
    }
  }

  public static final ProblemType VALIDATION = new ProblemType(Problems.VALIDATION, 400, "Invalid request");
  public static final ProblemType MALFORMED_REQUEST = new ProblemType("malformed-request", 400, "Malformed request");
  public static final ProblemType UNAUTHENTICATED = new ProblemType("unauthenticated", 401, "Unauthenticated");
  public static final ProblemType FORBIDDEN = new ProblemType("forbidden", 403, "Forbidden");
  public static final ProblemType NOT_FOUND = new ProblemType("not-found", 404, "Not found");
  public static final ProblemType CONCURRENT_CHANGE = new ProblemType("concurrent-change", 409, "Changed by someone else");
  public static final ProblemType ALREADY_EXISTS = new ProblemType("already-exists", 409, "Already exists");
  public static final ProblemType VERSION_MISMATCH = new ProblemType("version-mismatch", 412, "Changed since you read it");
  public static final ProblemType PAYLOAD_TOO_LARGE = new ProblemType("payload-too-large", 413, "Payload too large");
  public static final ProblemType UNSUPPORTED_MEDIA_TYPE =
      new ProblemType("unsupported-media-type", 415, "Unsupported media type");
  public static final ProblemType IF_MATCH_REQUIRED = new ProblemType("if-match-required", 428, "If-Match required");
  public static final ProblemType STORE_UNAVAILABLE = new ProblemType("store-unavailable", 503, "Temporarily unavailable");

  /** The refusals of a file upload (multipart): see {@code DocumentRefusals}. */
  public static final ProblemType EMPTY_FILE = new ProblemType("empty-file", 400, "Empty file");
  public static final ProblemType MALFORMED_UPLOAD = new ProblemType("malformed-upload", 400, "Malformed upload");
  public static final ProblemType FILE_TOO_LARGE = new ProblemType("file-too-large", 413, "File too large");
  public static final ProblemType RECORD_FILES_TOO_LARGE =
      new ProblemType("record-files-too-large", 413, "Too much attached to this record");
  public static final ProblemType FILE_TYPE_NOT_ALLOWED = new ProblemType("file-type-not-allowed", 415, "File type not allowed");

  public static final List<ProblemType> UPLOAD = List.of(EMPTY_FILE, MALFORMED_UPLOAD, FILE_TOO_LARGE,
      RECORD_FILES_TOO_LARGE, FILE_TYPE_NOT_ALLOWED);

  private ProblemTypes() {}
}
