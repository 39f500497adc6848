package org.fundflow.subsidy.domain;

import java.time.Instant;

/** What happened to a recovery order (追回). */
public sealed interface RecoveryEvent {

  RecoveryOrder order();

  record Opened(RecoveryOrder order, Instant at) implements RecoveryEvent {}

  record Settled(RecoveryOrder order, Instant at) implements RecoveryEvent {}
}
