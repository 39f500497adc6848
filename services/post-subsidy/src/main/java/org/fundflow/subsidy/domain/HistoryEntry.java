package org.fundflow.subsidy.domain;

import java.time.Instant;

/**
 * One state change: from, to, who (user subject or "event:<type>") and when, with a note in English and, where this
 * service wrote it, the same note as data ({@code noteCode}, for readers in other languages; null in older entries
 * and free-text notes such as a person's reason).
 */
public record HistoryEntry(Instant at, String by, String from, String to, String note, Note noteCode) {

  public HistoryEntry(Instant at, String by, String from, String to, String note) {
    this(at, by, from, to, note, null);
  }
}
