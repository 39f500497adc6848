package org.fundflow.intake.domain;

import java.time.Instant;

/** The integrity pledge (事前承诺) as accepted: which text, and when. */
public record Pledge(String textVersion, Instant acceptedAt) {}
