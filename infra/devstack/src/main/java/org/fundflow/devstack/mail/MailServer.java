package org.fundflow.devstack.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The local mail server: GreenMail's SMTP server, which accepts mail for any address, and a mailbox folder where
 * every message it receives is written as an {@code .eml} file (open it with any mail reader, or read it as text).
 *
 * <pre>java -cp ... org.fundflow.devstack.mail.MailServer [--port 3025] [--dir .devstack/mail] [--exit-on-stdin-eof]</pre>
 */
public final class MailServer implements AutoCloseable {

  public static final int DEFAULT_PORT = 3025;

  private final GreenMail greenMail;
  private final Path mailbox;
  private final ScheduledExecutorService saver;
  private int saved;

  public MailServer(int port, Path mailbox) throws IOException {
    this.mailbox = Files.createDirectories(mailbox);
    this.greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    this.saver = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "mail-saver");
      t.setDaemon(true);
      return t;
    });
  }

  public MailServer start() {
    greenMail.start();
    saver.scheduleWithFixedDelay(this::saveNew, 500, 500, TimeUnit.MILLISECONDS);
    return this;
  }

  public int port() {
    return greenMail.getSmtp().getPort();
  }

  /** Writes the messages received since the last call, in the order they arrived. */
  synchronized void saveNew() {
    MimeMessage[] received = greenMail.getReceivedMessages();
    for (; saved < received.length; saved++) {
      Path file = mailbox.resolve(String.format("%05d.eml", saved + 1));
      try (OutputStream out = Files.newOutputStream(file)) {
        received[saved].writeTo(out);
      } catch (IOException | MessagingException e) {
        System.err.println("MailServer: cannot save message " + (saved + 1) + " to " + file + ": " + e);
      }
    }
  }

  @Override
  public void close() {
    saver.shutdownNow();
    saveNew();
    greenMail.stop();
  }

  public static void main(String[] args) throws Exception {
    int port = DEFAULT_PORT;
    Path dir = Path.of(".devstack", "mail");
    boolean exitOnStdinEof = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--port" -> port = Integer.parseInt(args[++i]);
        case "--dir" -> dir = Path.of(args[++i]);
        case "--exit-on-stdin-eof" -> exitOnStdinEof = true;
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    MailServer server = new MailServer(port, dir).start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      stopped.countDown();
    }, "mail-shutdown"));
    if (exitOnStdinEof) {
      Thread watchdog = new Thread(() -> {
        try {
          while (System.in.read() >= 0) {
            // the parent keeps the pipe open while it lives
          }
        } catch (IOException ignored) {
          // fall through
        }
        System.out.println("MailServer: parent gone (stdin closed), stopping");
        System.exit(0);
      }, "parent-watchdog");
      watchdog.setDaemon(true);
      watchdog.start();
    }
    System.out.println("MailServer READY smtp=localhost:" + server.port() + " mailbox=" + dir.toAbsolutePath());
    System.out.flush();
    stopped.await();
  }
}
