package org.fundflow.platform.domain;

import java.util.List;

/** Test fixture for PlatformRulesTest: a building block that knows only java.*. */
public final class PureBuildingBlock {

  public List<String> names() {
    return List.of("pure");
  }
}
