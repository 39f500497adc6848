package org.fundflow.archfixture.adapter.out.kafka;

/** Violate the naming rules: a *Message outside adapter.in.kafka, a *Command outside port.in; an interface Message is allowed. */
public final class Outbound {
  public sealed interface Message permits StrayMessage {}

  public record StrayMessage(String id) implements Message {}

  public record WrongCommand(String id) {}

  private Outbound() {
  }
}
