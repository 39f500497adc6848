package org.fundflow.integrity.domain.rules;

import java.time.Instant;

/** What the duplicate rule knows of a submitted proposal. */
public record ProposalFacts(String proposalId, String programId, String organisationCode, String principalInvestigatorHash,
    String title, String abstractText, String eventId, Instant submittedAt) {

  public String text() {
    return (title == null ? "" : title) + "\n" + (abstractText == null ? "" : abstractText);
  }
}
