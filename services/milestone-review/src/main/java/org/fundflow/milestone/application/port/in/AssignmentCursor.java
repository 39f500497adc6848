package org.fundflow.milestone.application.port.in;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The position of an assignment in an expert's list (ordered by project id, then report id), as an opaque URL-safe
 * token: the {@code nextCursor} of one page, passed back as {@code after} for the next.
 *
 * @param projectId the project of the last assignment of the page
 * @param reportId the report of the last assignment of the page
 */
public record AssignmentCursor(String projectId, String reportId) {

  /** The longest token accepted (ids are short; anything longer is not a cursor this service gave out). */
  public static final int MAX_LENGTH = 400;

  /** What the ids of projects and reports are made of (a token decoding to anything else was not given out here). */
  private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("[A-Za-z0-9._:-]{1,200}");

  public String encode() {
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString((projectId + "~" + reportId).getBytes(StandardCharsets.UTF_8));
  }

  /** True when this position comes before the assignment of {@code projectId}, {@code reportId}. */
  public boolean isBefore(String projectId, String reportId) {
    int byProject = this.projectId.compareTo(projectId);
    return byProject < 0 || (byProject == 0 && this.reportId.compareTo(reportId) < 0);
  }

  /** @throws IllegalArgumentException when the token is not a cursor this service gave out */
  public static AssignmentCursor decode(String token) {
    if (token.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("is not a cursor of this list");
    }
    String text;
    try {
      text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("is not a cursor of this list", e);
    }
    int sep = text.indexOf('~');
    if (sep < 1 || sep == text.length() - 1 || text.indexOf('~', sep + 1) >= 0) {
      throw new IllegalArgumentException("is not a cursor of this list");
    }
    String projectId = text.substring(0, sep);
    String reportId = text.substring(sep + 1);
    if (!ID.matcher(projectId).matches() || !ID.matcher(reportId).matches()) {
      throw new IllegalArgumentException("is not a cursor of this list");
    }
    return new AssignmentCursor(projectId, reportId);
  }
}
