package org.fundflow.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * File uploads for the role x file matrices (issue 15): a multipart body with one part {@code file}, the exchange of
 * a file endpoint, and the uploads every file endpoint must refuse (413, 400, 415) without storing anything.
 */
public final class BadUploads {

  /** A small PDF (detected from its content). */
  public static final byte[] SMALL_PDF = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n"
      .getBytes(StandardCharsets.US_ASCII);

  private BadUploads() {}

  /** {@code size} bytes detected as a PDF: its header, then bytes random from {@code seed} (large files, ranges). */
  public static byte[] pdf(int size, long seed) {
    byte[] bytes = new byte[size];
    new java.util.Random(seed).nextBytes(bytes);
    byte[] head = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(head, 0, bytes, 0, head.length);
    return bytes;
  }

  /** The SHA-256 of the bytes in lower-case hex (a stored file's ETag and checksum). */
  public static String sha256Hex(byte[] bytes) {
    try {
      return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public static MultiValueMap<String, HttpEntity<?>> filePart(String name, byte[] bytes) {
    MultipartBodyBuilder body = new MultipartBodyBuilder();
    body.part("file", new ByteArrayResource(bytes)).filename(name);
    return body.build();
  }

  /** A call of a file endpoint: {@code multipart} null for a GET or DELETE. */
  public static EntityExchangeResult<String> exchange(WebTestClient web, HttpMethod method, String path, String token,
      MultiValueMap<String, HttpEntity<?>> multipart) {
    // an upload of 20 MB on a busy machine takes longer than the clients' usual 30 s
    WebTestClient patient = web.mutate().responseTimeout(java.time.Duration.ofSeconds(180)).build();
    WebTestClient.RequestBodySpec spec = patient.method(method).uri(path).headers(h -> {
      if (token != null) {
        h.setBearerAuth(token);
      }
    });
    WebTestClient.RequestHeadersSpec<?> ready = multipart == null ? spec
        : spec.contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(multipart));
    return ready.exchange().expectBody(String.class).returnResult();
  }

  /**
   * A download of {@link #SMALL_PDF} stored as {@code name}: 200 with {@code Content-Disposition: attachment} naming it,
   * the stored type, the SHA-256 as ETag; and one byte range (206 with just those bytes).
   */
  public static void assertDownloadsSmallPdf(WebTestClient web, String path, String token, String name) {
    EntityExchangeResult<byte[]> whole = web.get().uri(path).headers(h -> h.setBearerAuth(token)).exchange()
        .expectBody(byte[].class).returnResult();
    assertThat(whole.getStatus().value()).isEqualTo(200);
    assertThat(whole.getResponseBody()).isEqualTo(SMALL_PDF);
    assertThat(whole.getResponseHeaders().getContentDisposition().isAttachment()).isTrue();
    assertThat(whole.getResponseHeaders().getContentDisposition().getFilename()).isEqualTo(name);
    assertThat(whole.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
    assertThat(whole.getResponseHeaders().getETag()).isEqualTo("\"" + sha256(SMALL_PDF) + "\"");
    EntityExchangeResult<byte[]> range = web.get().uri(path).headers(h -> {
      h.setBearerAuth(token);
      h.set("Range", "bytes=0-7");
    }).exchange().expectBody(byte[].class).returnResult();
    assertThat(range.getStatus().value()).isEqualTo(206);
    assertThat(range.getResponseHeaders().getFirst("Content-Range")).isEqualTo("bytes 0-7/" + SMALL_PDF.length);
    assertThat(new String(range.getResponseBody(), StandardCharsets.US_ASCII)).isEqualTo("%PDF-1.7");
  }

  static String sha256(byte[] bytes) {
    try {
      return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A body that says it is multipart and is cut off inside its only part. */
  public static EntityExchangeResult<String> corruptMultipart(WebTestClient web, String path, String token) {
    return web.post().uri(path).headers(h -> h.setBearerAuth(token))
        .contentType(MediaType.parseMediaType("multipart/form-data; boundary=cut"))
        .bodyValue("--cut\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n%PDF-1.7 and then")
        .exchange().expectBody(String.class).returnResult();
  }

  /**
   * {name, multipart body, expected status}: over the default 20 MB per file (413), empty (400), no part named
   * {@code file} (400), an executable named .pdf (415), text named .pdf (415).
   */
  public static Stream<Arguments> refused() {
    byte[] exe = new byte[2048];
    exe[0] = 'M';
    exe[1] = 'Z';
    byte[] oversize = new byte[20 * 1024 * 1024 + 1];
    System.arraycopy(SMALL_PDF, 0, oversize, 0, SMALL_PDF.length);
    MultipartBodyBuilder noFile = new MultipartBodyBuilder();
    noFile.part("note", "no file");
    return Stream.of(
        Arguments.of("upload over 20 MB", filePart("big.pdf", oversize), 413),
        Arguments.of("upload empty file", filePart("empty.pdf", new byte[0]), 400),
        Arguments.of("upload without a 'file' part", noFile.build(), 400),
        Arguments.of("upload exe named .pdf", filePart("report.pdf", exe), 415),
        Arguments.of("upload text named .pdf", filePart("report.pdf", "plain words".getBytes(StandardCharsets.UTF_8)), 415));
  }
}
