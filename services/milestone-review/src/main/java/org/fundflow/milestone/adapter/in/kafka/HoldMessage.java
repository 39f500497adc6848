package org.fundflow.milestone.adapter.in.kafka;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** This service's copy of {@code fundflow.integrity.hold-placed.v1} and {@code hold-lifted.v1}. */
public record HoldMessage(@NotBlank String holdId, @NotNull @Valid Subject subject, String reason) {

  public record Subject(@NotBlank String type, @NotBlank String id) {}
}
