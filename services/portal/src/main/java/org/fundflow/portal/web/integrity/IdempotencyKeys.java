package org.fundflow.portal.web.integrity;

import java.util.UUID;
import org.springframework.stereotype.Component;

/** A fresh Idempotency-Key for each form a page renders ({@code ${@idempotencyKeys.next()}} in templates). */
@Component("idempotencyKeys")
public class IdempotencyKeys {

  public String next() {
    return UUID.randomUUID().toString();
  }
}
