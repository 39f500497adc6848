package org.fundflow.intake.domain;

/** Metadata of an attached document; the bytes live elsewhere. */
public record Attachment(String name, String mediaType, long sizeBytes, String sha256) {

  public static final long MAX_SIZE_BYTES = 20L * 1024 * 1024;

  public Attachment {
    if (name == null || name.isBlank() || mediaType == null || !mediaType.matches("[\\w.+-]+/[\\w.+-]+")) {
      throw IntakeRefusal.rule("invalid-attachment", "Invalid attachment", "an attachment needs a name and a media type");
    }
    if (sizeBytes <= 0 || sizeBytes > MAX_SIZE_BYTES) {
      throw IntakeRefusal.rule("invalid-attachment", "Invalid attachment",
          "attachment " + name + " must be between 1 byte and " + MAX_SIZE_BYTES + " bytes");
    }
    if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
      throw IntakeRefusal.rule("invalid-attachment", "Invalid attachment",
          "attachment " + name + " needs a sha256 of 64 lower-case hex characters");
    }
  }
}
