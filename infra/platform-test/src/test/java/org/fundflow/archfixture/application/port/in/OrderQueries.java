package org.fundflow.archfixture.application.port.in;

/** Violates the naming rule: a port-in interface not named *UseCase. */
public interface OrderQueries {
  String find(String id);
}
