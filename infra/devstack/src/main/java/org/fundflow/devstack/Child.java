package org.fundflow.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A child process of the dev stack, its output going to {@code .devstack/logs/<name>.log}. */
final class Child {

  private static final Path SETSID = Path.of("/usr/bin/setsid");

  final String name;
  final Path log;
  final Process process;

  private Child(String name, Path log, Process process) {
    this.name = name;
    this.log = log;
    this.process = process;
  }

  /**
   * Starts a process. Where {@code setsid} exists the child gets its own session: a Ctrl-C in the
   * terminal then reaches only the dev stack, whose shutdown hook stops the children in order
   * (services first, infrastructure last) instead of all of them dying at once.
   */
  static Child start(String name, List<String> command, Map<String, String> env, Path workDir, Path logDir)
      throws IOException {
    Files.createDirectories(logDir);
    Path log = logDir.resolve(name + ".log");
    if (Files.exists(log)) {
      Files.move(log, logDir.resolve(name + ".log.1"), StandardCopyOption.REPLACE_EXISTING);
    }
    List<String> cmd = new ArrayList<>();
    if (Files.isExecutable(SETSID)) {
      cmd.add(SETSID.toString());
    }
    cmd.addAll(command);
    ProcessBuilder builder = new ProcessBuilder(cmd)
        .directory(workDir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
    builder.environment().putAll(env);
    // stdin stays a pipe: our own children (store, OIDC) exit when it closes, i.e. when we die.
    return new Child(name, log, builder.start());
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** SIGTERM, wait, then SIGKILL if it would not stop. Returns a short description of how it went. */
  String stop(long timeoutSeconds) {
    if (!process.isAlive()) {
      return "already exited (" + process.exitValue() + ")";
    }
    long start = System.nanoTime();
    process.destroy();
    try {
      if (process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        return "stopped in " + millisSince(start) + " ms";
      }
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
      return "KILLED after " + timeoutSeconds + " s (did not stop on SIGTERM)";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      return "interrupted, killed";
    }
  }

  /** The last lines of the log, for error messages. */
  String tail(int lines) {
    try {
      List<String> all = Files.readAllLines(log);
      return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException | RuntimeException e) {
      return "(cannot read " + log + ": " + e + ")";
    }
  }

  static long millisSince(long nanoStart) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanoStart);
  }
}
