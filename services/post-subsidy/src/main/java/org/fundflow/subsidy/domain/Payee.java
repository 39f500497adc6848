package org.fundflow.subsidy.domain;

import java.util.Objects;

/** The account a disbursement is paid into, checked by the preparing finance officer. */
public record Payee(String name, String bank, String accountNumber) {

  public Payee {
    requireText(name, "payee name");
    requireText(bank, "bank");
    requireText(accountNumber, "account number");
    if (!accountNumber.replace(" ", "").matches("[0-9]{8,32}")) {
      throw new IllegalArgumentException("account number must be 8-32 digits");
    }
    accountNumber = accountNumber.replace(" ", "");
  }

  /** Only the last four digits are shown outside this service: "************1234". */
  public String accountNumberMasked() {
    String n = accountNumber;
    return "*".repeat(n.length() - 4) + n.substring(n.length() - 4);
  }

  private static void requireText(String value, String what) {
    if (Objects.requireNonNull(value, what).isBlank()) {
      throw new IllegalArgumentException(what + " is required");
    }
  }
}
