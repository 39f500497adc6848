package org.fundflow.intake.adapter.in.web;

import org.fundflow.intake.application.port.in.VoucherActor;
import org.fundflow.platform.security.Caller;

/** The caller as a voucher actor: staff roles read everything, SERVICE_PROVIDER and APPLICANT their organisation's. */
final class VoucherActors {

  private VoucherActors() {}

  static boolean staff(Caller caller) {
    return caller.hasRole("PROGRAM_MANAGER") || caller.hasRole("AUDITOR") || caller.hasRole("FINANCE_OFFICER")
        || caller.hasRole("FINANCE_APPROVER");
  }

  /** For reading: staff, else a provider, else an enterprise. */
  static VoucherActor of(Caller caller) {
    if (staff(caller)) {
      return new VoucherActor(caller.subject(), caller.name(), VoucherActor.Kind.STAFF, null, null);
    }
    return caller.hasRole("SERVICE_PROVIDER") ? provider(caller) : enterprise(caller);
  }

  static VoucherActor enterprise(Caller caller) {
    return new VoucherActor(caller.subject(), caller.name(), VoucherActor.Kind.ENTERPRISE, caller.organisationCode(),
        caller.organisationName());
  }

  static VoucherActor provider(Caller caller) {
    return new VoucherActor(caller.subject(), caller.name(), VoucherActor.Kind.PROVIDER, caller.organisationCode(),
        caller.organisationName());
  }

  static VoucherActor manager(Caller caller) {
    return new VoucherActor(caller.subject(), caller.name(), VoucherActor.Kind.STAFF, null, null);
  }
}
