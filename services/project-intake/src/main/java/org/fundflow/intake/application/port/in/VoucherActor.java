package org.fundflow.intake.application.port.in;

import java.util.Objects;

/**
 * Who acts on vouchers: an ENTERPRISE (an APPLICANT of its organisation) sees its organisation's vouchers, a PROVIDER
 * (SERVICE_PROVIDER of its organisation) only the vouchers used on contracts with it, STAFF (program managers,
 * auditors, finance) everything.
 */
public record VoucherActor(String subject, String name, Kind kind, String organisationCode, String organisationName) {

  public enum Kind { ENTERPRISE, PROVIDER, STAFF }

  public VoucherActor {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(kind, "kind");
  }

  public boolean staff() {
    return kind == Kind.STAFF;
  }
}
