package org.fundflow.archfixture.adapter.in.web;

import org.fundflow.archfixture.adapter.out.mongo.OrderStore;

/** Violates the adapter rule: an inbound adapter using an outbound one. */
public class OrderController {
  private final OrderStore store = new OrderStore();

  public String get(String id) {
    return store.load(id);
  }
}
