package org.fundflow.intake.application.port.out;

/** New aggregate ids that grow with time, so that ordering by id is ordering by creation (keyset paging). */
public interface IdGenerator {

  String next(String prefix);
}
