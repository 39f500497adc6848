package org.fundflow.journeys;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.fundflow.platform.test.ServiceProcess;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * When a journey fails, what tells a browser that waited from a portal that did not answer: the portal is asked for
 * its login page directly (answered or not, and how fast), and the portal's threads are dumped to
 * {@code target/journey-logs/<test>-portal-threads.txt}. Both go with the failure as a suppressed exception, so CI's
 * output says which side hung.
 */
final class FailureEvidence implements TestExecutionExceptionHandler {

  private static final Path LOGS = Path.of("target", "journey-logs");

  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
    PortalStack stack = PortalStack.running();
    if (stack != null) {
      String name = context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName();
      failure.addSuppressed(new Evidence(probe(stack.portal) + "; " + threadDump(stack.portal, name)));
    }
    throw failure;
  }

  private static String probe(ServiceProcess portal) {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    long started = System.nanoTime();
    try {
      HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create(portal.url() + "/login"))
          .timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.discarding());
      return "the portal answered GET /login with " + response.statusCode() + " in "
          + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) + " ms";
    } catch (IOException e) {
      return "the portal did not answer GET /login within 20 s (" + e + "), alive: " + portal.isAlive();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "probe interrupted";
    }
  }

  private static String threadDump(ServiceProcess portal, String name) {
    if (!portal.isAlive()) {
      return "no thread dump (the portal is not running)";
    }
    Path dump = LOGS.resolve(name + "-portal-threads.txt");
    try {
      Files.createDirectories(LOGS);
      Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
          String.valueOf(portal.pid()), "Thread.print").redirectErrorStream(true).redirectOutput(dump.toFile()).start();
      return jcmd.waitFor(30, TimeUnit.SECONDS) ? "the portal's threads: " + dump.toAbsolutePath()
          : "jcmd did not finish in 30 s";
    } catch (IOException e) {
      return "no thread dump (" + e + ")";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "thread dump interrupted";
    }
  }

  /** What was found after the failure; no stack of its own (it is not where the failure happened). */
  static final class Evidence extends RuntimeException {
    Evidence(String message) {
      super(message, null, false, false);
    }
  }
}
