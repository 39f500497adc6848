package org.fundflow.milestone.domain;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Where a page of projects ends: projects are listed newest award first, ties by id (descending), and the next page
 * starts after this one. Its text form ({@code nextCursor} of a page, {@code after} of the next request) is the
 * award instant and the id joined by {@code ~}.
 */
public record ProjectCursor(Instant awardedAt, String projectId) {

  public static ProjectCursor after(Project last) {
    return new ProjectCursor(last.awardedAt(), last.id());
  }

  /** @throws IllegalArgumentException when the text is not a cursor this service gave out */
  public static ProjectCursor parse(String text) {
    int split = text.indexOf('~');
    if (split <= 0 || split == text.length() - 1) {
      throw new IllegalArgumentException("not a project cursor");
    }
    try {
      return new ProjectCursor(Instant.parse(text.substring(0, split)), text.substring(split + 1));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("not a project cursor", e);
    }
  }

  public String text() {
    return awardedAt + "~" + projectId;
  }
}
