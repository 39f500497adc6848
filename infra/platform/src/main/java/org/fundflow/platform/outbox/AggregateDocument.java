package org.fundflow.platform.outbox;

/** Field names the platform keeps in every aggregate document next to the aggregate's own state. */
public final class AggregateDocument {

  public static final String ID = "_id";
  public static final String VERSION = "version";
  public static final String OUTBOX = "outbox";
  public static final String OUTBOX_LEASE = "outboxLease";
  public static final String INBOX = "inbox";
  /** How many applied event ids a document remembers; older redeliveries are caught by event-derived ids. */
  public static final int INBOX_SIZE = 200;

  private AggregateDocument() {}
}
