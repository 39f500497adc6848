package org.fundflow.portal.preferences;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** What the portal remembers of a user (database fundflow_portal): the language, by the token's subject. */
@Document("preferences")
public record UserPreference(@Id String subject, String language, Instant changedAt) {}
