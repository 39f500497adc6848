package org.fundflow.platform.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChangeTest {

  record Counter(int value, long version) {
    Change<Counter, String> add(int n) {
      return Change.of(new Counter(value + n, version), "added " + n);
    }
  }

  @Test
  void chainedCommandsKeepTheLastStateAndEveryEventInOrder() {
    Change<Counter, String> change = new Counter(0, 7).add(1).then(c -> c.add(2)).then(Change::quiet);

    assertThat(change.next()).isEqualTo(new Counter(3, 7));
    assertThat(change.events()).containsExactly("added 1", "added 2");
    assertThat(change.eventful()).isTrue();
  }

  @Test
  void aQuietChangeHasNoEvents() {
    Change<Counter, String> change = Change.quiet(new Counter(1, 1));

    assertThat(change.events()).isEmpty();
    assertThat(change.eventful()).isFalse();
  }

  @Test
  void theEventsCannotBeChangedAfterwards() {
    List<String> events = new ArrayList<>(List.of("a"));
    Change<Counter, String> change = Change.of(new Counter(1, 1), events);
    events.add("b");

    assertThat(change.events()).containsExactly("a");
    assertThatThrownBy(() -> change.events().add("c")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void thereIsAlwaysANextState() {
    assertThatThrownBy(() -> Change.quiet(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void aCommandWithNothingToDoChangesNothing() {
    Counter counter = new Counter(1, 1);

    assertThat(Change.<Counter, String>quiet(counter).changes(counter)).isFalse();
    assertThat(counter.add(0).changes(counter)).isTrue(); // an event is a change
    assertThat(Change.<Counter, String>quiet(new Counter(2, 1)).changes(counter)).isTrue();
  }
}
