package org.fundflow.archfixture.application.port.in;

public interface PlaceOrderUseCase {
  record PlaceOrderCommand(String id) {}

  void place(PlaceOrderCommand command);
}
