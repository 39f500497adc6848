package org.fundflow.faults;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A JVM started from this test JVM's class path (broker, store), its output appended to one log. */
final class ChildJvm {

  private final String name;
  private final List<String> arguments;
  private final Path log;
  private volatile Process process;

  ChildJvm(String name, List<String> arguments, Path logDir) {
    this.name = name;
    this.arguments = List.copyOf(arguments);
    try {
      Files.createDirectories(logDir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.log = logDir.resolve(name + ".log");
  }

  static String java() {
    return new File(System.getProperty("java.home"), "bin/java").getPath();
  }

  static String classPath() {
    return System.getProperty("java.class.path");
  }

  synchronized void start() {
    if (process != null && process.isAlive()) {
      throw new IllegalStateException(name + " runs already");
    }
    List<String> command = new ArrayList<>();
    command.add(java());
    command.addAll(arguments);
    try {
      // stdin stays a pipe: the store's --exit-on-stdin-eof watchdog ends it if this JVM dies
      process = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name, e);
    }
  }

  boolean isAlive() {
    Process p = process;
    return p != null && p.isAlive();
  }

  synchronized void kill() {
    Process p = process;
    if (p != null) {
      p.destroyForcibly();
      waitFor(p, 30);
    }
  }

  synchronized void stop() {
    Process p = process;
    if (p != null && p.isAlive()) {
      p.destroy();
      if (!waitFor(p, 60)) {
        p.destroyForcibly();
        waitFor(p, 30);
      }
    }
  }

  Path log() {
    return log;
  }

  /** Runs a command to its end (broker storage formatting); fails unless it exits with 0. */
  static void run(String name, List<String> command, Path logDir) {
    try {
      Files.createDirectories(logDir);
      Process p = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(logDir.resolve(name + ".log").toFile())).start();
      if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroyForcibly();
        throw new IllegalStateException(name + " failed; see " + logDir.resolve(name + ".log"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static boolean waitFor(Process p, long seconds) {
    try {
      return p.waitFor(seconds, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
