package org.fundflow.milestone.adapter.in.kafka;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.util.List;

/**
 * This service's copy of {@code fundflow.intake.challenge-published.v1}: what a performance evaluation needs (the
 * challenge's target indicators), tolerant of every other field.
 */
public record ChallengePublishedMessage(@NotBlank String programId, @NotBlank String challengeId, String title,
    @NotEmpty List<@NotBlank String> targetIndicators) {}
