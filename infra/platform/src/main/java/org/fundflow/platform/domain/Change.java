package org.fundflow.platform.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * What one command did to an immutable aggregate: the next state and the domain events it caused, in order.
 * The aggregate carries the version it was read at and keeps it in {@code next}; the store writes {@code next}
 * and {@code events} in one write, conditional on that version. Nothing changes on a refusal: the command throws.
 *
 * @param <A> the aggregate
 * @param <E> the aggregate's domain events
 */
public record Change<A, E>(A next, List<E> events) {

  public Change {
    Objects.requireNonNull(next, "next");
    events = List.copyOf(events == null ? List.of() : events);
  }

  /** The next state and the events it caused. */
  public static <A, E> Change<A, E> of(A next, List<? extends E> events) {
    return new Change<>(next, List.copyOf(events));
  }

  /** The next state and the one event it caused. */
  public static <A, E> Change<A, E> of(A next, E event) {
    return new Change<>(next, List.of(event));
  }

  /** A state change nobody outside the aggregate hears of. */
  public static <A, E> Change<A, E> quiet(A next) {
    return new Change<>(next, List.of());
  }

  /** The next command applied to this change's state: its state, and this change's events followed by its own. */
  public Change<A, E> then(Function<? super A, Change<A, E>> step) {
    Change<A, E> after = step.apply(next);
    if (after.events.isEmpty()) {
      return new Change<>(after.next, events);
    }
    List<E> all = new ArrayList<>(events);
    all.addAll(after.events);
    return new Change<>(after.next, all);
  }

  /**
   * Whether the command changed anything of {@code before}, the state it was called on: a command that has nothing
   * to do answers {@code Change.quiet(this)}, and its caller need not write.
   */
  public boolean changes(A before) {
    return next != before || !events.isEmpty();
  }

  /** Whether the command caused any event. */
  public boolean eventful() {
    return !events.isEmpty();
  }
}
