package org.fundflow.platform.outbox;

/** What an {@link AggregateWriter} write did. A version conflict is an exception, not an outcome. */
public enum WriteOutcome {
  WRITTEN,
  /** The event named in the write was applied to this document before: nothing was changed. */
  ALREADY_APPLIED
}
