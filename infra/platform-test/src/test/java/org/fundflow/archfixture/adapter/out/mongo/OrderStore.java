package org.fundflow.archfixture.adapter.out.mongo;

/** Violates the foreign-package rule: the test kit in production code. */
public class OrderStore {
  public String load(String id) {
    return org.fundflow.platform.test.TestJwts.token(id, java.util.List.of(), null);
  }
}
