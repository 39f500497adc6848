package org.fundflow.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A service starts from its unpacked boot jar only when that was unpacked from the boot jar as it is now. */
class ServiceProcessTest {

  @TempDir
  Path target;

  @Test
  void startsFromTheUnpackedJarUnpackedFromThisBootJar() throws IOException {
    Path bootJar = file(target.resolve("svc.jar"), "2026-12-08T01:00:00Z");
    Path unpacked = file(target.resolve("extracted/svc.jar"), "2026-12-08T01:00:00Z");

    assertThat(ServiceProcess.unpacked(bootJar)).isEqualTo(unpacked);
  }

  @Test
  void startsFromTheBootJarWhenNothingWasUnpacked() throws IOException {
    Path bootJar = file(target.resolve("svc.jar"), "2026-12-08T01:00:00Z");

    assertThat(ServiceProcess.unpacked(bootJar)).isEqualTo(bootJar);
  }

  @Test
  void startsFromTheBootJarWhenTheUnpackedOneIsFromAnEarlierBuild() throws IOException {
    Path bootJar = file(target.resolve("svc.jar"), "2026-12-08T01:00:00Z");
    file(target.resolve("extracted/svc.jar"), "2026-12-08T00:40:00Z");

    assertThat(ServiceProcess.unpacked(bootJar)).isEqualTo(bootJar);
  }

  private static Path file(Path path, String modified) throws IOException {
    Files.createDirectories(path.getParent());
    Files.writeString(path, "jar");
    Files.setLastModifiedTime(path, FileTime.from(Instant.parse(modified)));
    return path;
  }
}
