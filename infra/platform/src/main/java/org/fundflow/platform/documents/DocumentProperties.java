package org.fundflow.platform.documents;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code fundflow.documents.*}: where a service keeps its files (a GridFS bucket in its own database) and
 * what it accepts. The allowed types are checked against the type detected from the content; a detected
 * type is allowed when it or one of its super-types (in Tika's registry) is listed.
 */
@ConfigurationProperties("fundflow.documents")
public record DocumentProperties(
    String bucket,
    DataSize maxFileSize,
    DataSize maxRecordSize,
    List<String> allowedTypes,
    Integer chunkSizeBytes,
    Duration orphanGrace,
    Duration sweepInterval) {

  /** PDF, the common images, Office documents (OLE2 and OOXML, OpenDocument), CSV and ZIP. */
  public static final List<String> DEFAULT_ALLOWED_TYPES = List.of(
      "application/pdf",
      "image/png", "image/jpeg", "image/gif", "image/tiff", "image/bmp", "image/webp",
      "application/x-tika-msoffice", "application/msword", "application/vnd.ms-excel", "application/vnd.ms-powerpoint",
      "application/x-tika-ooxml",
      "application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.spreadsheet",
      "text/csv",
      "application/zip");

  public DocumentProperties {
    bucket = bucket == null || bucket.isBlank() ? "documents" : bucket;
    maxFileSize = maxFileSize == null ? DataSize.ofMegabytes(20) : maxFileSize;
    maxRecordSize = maxRecordSize == null ? DataSize.ofMegabytes(100) : maxRecordSize;
    allowedTypes = allowedTypes == null || allowedTypes.isEmpty() ? DEFAULT_ALLOWED_TYPES : List.copyOf(allowedTypes);
    chunkSizeBytes = chunkSizeBytes == null ? 255 * 1024 : chunkSizeBytes;
    orphanGrace = orphanGrace == null ? Duration.ofHours(1) : orphanGrace;
    sweepInterval = sweepInterval == null ? Duration.ofMinutes(15) : sweepInterval;
  }

  public static DocumentProperties defaults() {
    return new DocumentProperties(null, null, null, null, null, null, null);
  }
}
