package org.fundflow.platform.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.tika.mime.MediaType;
import org.junit.jupiter.api.Test;

class ContentTypeDetectorTest {

  final ContentTypeDetector detector = new ContentTypeDetector(DocumentProperties.DEFAULT_ALLOWED_TYPES);

  static byte[] pdf() {
    return "%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);
  }

  static byte[] docx() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
      zip.write("<?xml version=\"1.0\"?><Types/>".getBytes(StandardCharsets.UTF_8));
      zip.putNextEntry(new ZipEntry("word/document.xml"));
      zip.write("<w:document/>".getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }

  @Test
  void aPdfIsAPdfWhateverItsName() {
    assertThat(detector.detect(pdf(), "申报书.bin").toString()).isEqualTo("application/pdf");
    assertThat(detector.allowed(detector.detect(pdf(), null))).isTrue();
  }

  @Test
  void anExecutableNamedPdfIsRefused() {
    byte[] exe = new byte[512];
    exe[0] = 'M';
    exe[1] = 'Z';
    MediaType type = detector.detect(exe, "report.pdf");
    assertThat(type.toString()).isNotEqualTo("application/pdf");
    assertThat(detector.allowed(type)).isFalse();
  }

  @Test
  void textNamedPdfIsTextAndRefused() {
    MediaType type = detector.detect("just some words\n".getBytes(StandardCharsets.UTF_8), "report.pdf");
    assertThat(type.toString()).isEqualTo("text/plain");
    assertThat(detector.allowed(type)).isFalse();
  }

  @Test
  void textNamedCsvIsCsv() {
    MediaType type = detector.detect("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8), "budget.csv");
    assertThat(type.toString()).isEqualTo("text/csv");
    assertThat(detector.allowed(type)).isTrue();
  }

  @Test
  void anOfficeDocumentIsRecognisedAndAZipIsAllowed() throws Exception {
    MediaType word = detector.detect(docx(), "plan.docx");
    assertThat(word.toString()).isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    assertThat(detector.allowed(word)).isTrue();
    assertThat(detector.allowed(detector.detect(docx(), "plan.zip"))).isTrue();
  }

  @Test
  void pngIsAnImage() {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 'I', 'H', 'D', 'R'};
    assertThat(detector.detect(png, "x.pdf").toString()).isEqualTo("image/png");
  }
}
