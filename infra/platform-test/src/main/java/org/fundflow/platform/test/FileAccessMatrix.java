package org.fundflow.platform.test;

import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ArgumentsSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.MultiValueMap;

/**
 * The one driver of the role x file endpoint matrices (issue 15) of the services that store files: a service's
 * {@code BadInputAndAccessMatrixIT} implements this interface too, keeps its table (static {@code fileEndpoints()}, a
 * list of {@link FileEndpoint}s, whose cases {@link TableCalls} reads) and runs, after
 * the tests of {@link BadInputAndAccessMatrix} and its own:
 * <ol>
 *   <li>every refused file call (401/403/404/409) is exactly its status as a problem and leaves the store (files and
 *   chunks included) as it was;</li>
 *   <li>every allowed file call answers its status, each on a fresh target; a download answers the small PDF under the
 *   name it was stored with ({@link BadUploads#assertDownloadsSmallPdf});</li>
 *   <li>the uploads every file endpoint must refuse ({@link BadUploads#refused}: 413, 400, 415) and a corrupt multipart
 *   body (400) are problems that store nothing.</li>
 * </ol>
 *
 * @param <S> the test class itself (file endpoints make their paths with its helpers)
 * @param <W> who calls a file endpoint: the roles of the file table
 */
public interface FileAccessMatrix<S extends FileAccessMatrix<S, W>, W extends Enum<W>> {

  /**
   * A file endpoint: the path of a target (made with the test's helpers), whether the call uploads the small PDF, and
   * the status of each role. A GET whose name ends in a file id ({@code ...}}) is a download.
   */
  record FileEndpoint<S, W>(String name, HttpMethod method, Function<S, String> path, boolean upload,
      Map<W, Integer> expected) {
    boolean downloads() {
      return method == HttpMethod.GET && name.endsWith("}");
    }
  }

  /**
   * What the file driver uses of the test class.
   *
   * @param matrix the test class's matrix (the one of its {@link BadInputAndAccessMatrix})
   * @param tokens the bearer token of each role of the file table ({@code null}: anonymous); made before the store's
   *     baseline, so a token may make the records it needs
   * @param uploadPath where the bad uploads go: an endpoint that takes files now
   * @param uploader who sends them (a role allowed to upload there)
   * @param storedName the name the downloaded files were stored under
   */
  record FileSetup<W>(BadInputMatrix matrix, WebTestClient web, ReactiveMongoTemplate store, Function<W, String> tokens,
      Supplier<String> uploadPath, String uploader, String storedName) {}

  FileSetup<W> fileSetup();

  /** Made with the first target of each refused file endpoint, before the baseline (nothing by default). */
  default void beforeFileTargets() {}

  @ParameterizedTest(name = "{0} as {1} -> {2}")
  @ArgumentsSource(TableCalls.RefusedFiles.class)
  @Order(20)
  default void refusedFileCallChangesNothing(String endpoint, W who, int expected, FileEndpoint<S, W> e) {
    FileSetup<W> f = fileSetup();
    String path = f.matrix().refusedTarget(e.name(), () -> {
      beforeFileTargets();
      return e.path().apply(self());
    });
    String token = f.tokens().apply(who);
    f.matrix().baseline(f.store());
    EntityExchangeResult<String> r = BadUploads.exchange(f.web(), e.method(), path, token, upload(e));
    f.matrix().assertCallRefused(endpoint, who, r, expected);
    f.matrix().assertUnchanged(f.store(), endpoint + " as " + who);
  }

  @ParameterizedTest(name = "{0} as {1} -> {2}")
  @ArgumentsSource(TableCalls.AllowedFiles.class)
  @Order(21)
  default void allowedFileCallSucceeds(String endpoint, W who, int expected, FileEndpoint<S, W> e) {
    FileSetup<W> f = fileSetup();
    String path = e.path().apply(self());
    String token = f.tokens().apply(who);
    EntityExchangeResult<String> r = BadUploads.exchange(f.web(), e.method(), path, token, upload(e));
    f.matrix().assertCallAllowed(endpoint, who, r, expected);
    if (e.downloads()) {
      BadUploads.assertDownloadsSmallPdf(f.web(), path, token, f.storedName());
    }
  }

  /** Bad uploads: 413/415/400 problems that store nothing (no files document, no chunks). */
  @ParameterizedTest(name = "{0} -> {2}")
  @MethodSource("org.fundflow.platform.test.BadUploads#refused")
  @Order(22)
  default void badUploadIsRefusedAndStoresNothing(String name, MultiValueMap<String, HttpEntity<?>> body,
      int expected) {
    FileSetup<W> f = fileSetup();
    String path = f.uploadPath().get();
    f.matrix().forgetBaseline(); // the allowed calls before changed the store on purpose
    f.matrix().baseline(f.store());
    f.matrix().assertBadInputRefused(name, BadUploads.exchange(f.web(), HttpMethod.POST, path, f.uploader(), body),
        expected);
    f.matrix().assertUnchanged(f.store(), name);
  }

  /** A body that says it is multipart and is not: 400, nothing stored. */
  @Test
  @Order(22)
  default void aCorruptMultipartBodyIs400AndStoresNothing() {
    FileSetup<W> f = fileSetup();
    String path = f.uploadPath().get();
    f.matrix().forgetBaseline();
    f.matrix().baseline(f.store());
    f.matrix().assertBadInputRefused("corrupt multipart upload", BadUploads.corruptMultipart(f.web(), path,
        f.uploader()), 400);
    f.matrix().assertUnchanged(f.store(), "corrupt multipart upload");
  }

  private static MultiValueMap<String, HttpEntity<?>> upload(FileEndpoint<?, ?> e) {
    return e.upload() ? BadUploads.filePart("x.pdf", BadUploads.SMALL_PDF) : null;
  }

  @SuppressWarnings("unchecked")
  private S self() {
    return (S) this;
  }
}
