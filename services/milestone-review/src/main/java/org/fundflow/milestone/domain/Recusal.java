package org.fundflow.milestone.domain;

import java.time.Instant;

/** An assigned expert declared a conflict of interest and left the panel; the manager must replace it. */
public record Recusal(String expertId, String reason, Instant declaredAt) {}
