package org.fundflow.platform.domain;

import org.springframework.http.HttpStatus;

/** Test fixture for PlatformRulesTest: a building block that knows HTTP, which the services' domains must not. */
public final class ImpureBuildingBlock {

  public HttpStatus status() {
    return HttpStatus.CONFLICT;
  }
}
