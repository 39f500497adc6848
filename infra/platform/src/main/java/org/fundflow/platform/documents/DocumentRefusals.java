package org.fundflow.platform.documents;

import java.util.Map;
import org.fundflow.platform.problem.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** The problem responses of the documents kit (413, 415, 400), in the platform's shape. */
public final class DocumentRefusals {

  private DocumentRefusals() {}

  public static ErrorResponseException fileTooLarge(long limitBytes) {
    return Problems.problem(HttpStatus.CONTENT_TOO_LARGE, "file-too-large", "File too large",
        "The file is larger than the " + limitBytes + " bytes allowed per file; nothing was stored.",
        Map.of("maxFileSizeBytes", limitBytes));
  }

  public static ErrorResponseException recordFull(String ownerId, long usedBytes, long limitBytes) {
    return Problems.problem(HttpStatus.CONTENT_TOO_LARGE, "record-files-too-large", "Too much attached to this record",
        "The files of " + ownerId + " would take more than the " + limitBytes + " bytes allowed per record ("
            + usedBytes + " bytes stored already); nothing was stored.",
        Map.of("maxRecordSizeBytes", limitBytes, "storedBytes", usedBytes));
  }

  public static ErrorResponseException typeNotAllowed(String detected) {
    return Problems.problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "file-type-not-allowed", "File type not allowed",
        "The content is " + detected + ", which is not accepted (PDF, images, Office documents, CSV or ZIP); "
            + "the type is read from the content, not the name. Nothing was stored.",
        Map.of("detectedType", detected));
  }

  public static ErrorResponseException emptyFile() {
    return Problems.problem(HttpStatus.BAD_REQUEST, "empty-file", "Empty file",
        "The uploaded file has no content; nothing was stored.");
  }

  public static ErrorResponseException badUpload(String detail) {
    return Problems.problem(HttpStatus.BAD_REQUEST, "malformed-upload", "Malformed upload", detail);
  }
}
