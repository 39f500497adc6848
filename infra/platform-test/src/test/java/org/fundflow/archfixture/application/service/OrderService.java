package org.fundflow.archfixture.application.service;

import org.fundflow.archfixture.application.port.in.PlaceOrderUseCase;

/** Violates the application rule: a Spring annotation. */
@org.springframework.stereotype.Component
public class OrderService implements PlaceOrderUseCase {
  @Override
  public void place(PlaceOrderCommand command) {
  }
}
