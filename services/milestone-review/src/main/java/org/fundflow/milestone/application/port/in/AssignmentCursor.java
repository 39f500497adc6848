package org.fundflow.milestone.application.port.in;

import org.fundflow.platform.application.CursorToken;

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
    return new CursorToken(projectId, reportId).encode();
  }

  /** True when this position comes before the assignment of {@code projectId}, {@code reportId}. */
  public boolean isBefore(String projectId, String reportId) {
    int byProject = this.projectId.compareTo(projectId);
    return byProject < 0 || (byProject == 0 && this.reportId.compareTo(reportId) < 0);
  }

  /** @throws IllegalArgumentException when the token is not a cursor this service gave out */
  public static AssignmentCursor decode(String token) {
    if (token.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(CursorToken.NOT_A_CURSOR);
    }
    CursorToken parts = CursorToken.decode(token);
    if (!ID.matcher(parts.first()).matches() || !ID.matcher(parts.second()).matches()) {
      // an id holds no '~': a second one is not a cursor given out here either
      throw new IllegalArgumentException(CursorToken.NOT_A_CURSOR);
    }
    return new AssignmentCursor(parts.first(), parts.second());
  }
}
