package org.fundflow.platform.documents;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;

/**
 * The type of a file from its first bytes (Tika's magic-byte detector, tika-core only). The name may only
 * refine what the content says (a ZIP named {@code .docx} is a Word document, text named {@code .csv} is CSV),
 * never override it: an executable or a text named {@code .pdf} stays what it is.
 */
public final class ContentTypeDetector {

  /** Enough for every magic pattern Tika knows (OOXML's marker sits at offset 30, tar's at 257). */
  public static final int HEAD_BYTES = 64 * 1024;

  private final MimeTypes types = MimeTypes.getDefaultMimeTypes();
  private final MediaTypeRegistry registry = types.getMediaTypeRegistry();
  private final Set<MediaType> allowed;

  public ContentTypeDetector(List<String> allowedTypes) {
    this.allowed = allowedTypes.stream().map(MediaType::parse).collect(Collectors.toUnmodifiableSet());
  }

  /** The detected type of content starting with {@code head}, refined by {@code name} where consistent. */
  public MediaType detect(byte[] head, String name) {
    MediaType fromContent = detectRaw(head, null);
    if (name == null || name.isBlank()) {
      return fromContent;
    }
    MediaType withName = detectRaw(head, name);
    return withName.equals(fromContent) || registry.isSpecializationOf(withName, fromContent) ? withName : fromContent;
  }

  private MediaType detectRaw(byte[] head, String name) {
    Metadata metadata = new Metadata();
    if (name != null) {
      metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
    }
    try {
      return registry.normalize(types.detect(new ByteArrayInputStream(head), metadata));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Allowed when the type or one of its super-types is listed. */
  public boolean allowed(MediaType type) {
    for (MediaType t = type; t != null; t = registry.getSupertype(t)) {
      if (allowed.contains(t.getBaseType())) {
        return true;
      }
    }
    return false;
  }
}
