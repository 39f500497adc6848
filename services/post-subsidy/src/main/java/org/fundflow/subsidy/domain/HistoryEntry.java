package org.fundflow.subsidy.domain;

import java.time.Instant;

/** One state change: from, to, who (user subject or "event:<type>") and when, with a note. */
public record HistoryEntry(Instant at, String by, String from, String to, String note) {}
