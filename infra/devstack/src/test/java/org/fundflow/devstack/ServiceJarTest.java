package org.fundflow.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The devstack starts a service from its unpacked boot jar only when that was unpacked from the boot jar as it is. */
class ServiceJarTest {

  @TempDir
  Path root;

  final DevStack.Service intake = new DevStack.Service("project-intake", 8081, "intake");

  @Test
  void givenTheBootJarUnpackedAtPackageTime_thenTheUnpackedJarIsStarted() throws IOException {
    file("project-intake-0.1.0-SNAPSHOT.jar", "2026-12-08T01:00:00Z");
    Path unpacked = file("extracted/project-intake-0.1.0-SNAPSHOT.jar", "2026-12-08T01:00:00Z");

    assertThat(intake.jar(root)).isEqualTo(unpacked);
  }

  @Test
  void givenAnUnpackedJarFromAnEarlierBuild_thenTheBootJarIsStarted() throws IOException {
    Path bootJar = file("project-intake-0.1.0-SNAPSHOT.jar", "2026-12-08T01:00:00Z");
    file("extracted/project-intake-0.1.0-SNAPSHOT.jar", "2026-12-08T00:40:00Z");

    assertThat(intake.jar(root)).isEqualTo(bootJar);
  }

  @Test
  void givenNothingUnpacked_thenTheBootJarIsStarted() throws IOException {
    Path bootJar = file("project-intake-0.1.0-SNAPSHOT.jar", "2026-12-08T01:00:00Z");

    assertThat(intake.jar(root)).isEqualTo(bootJar);
  }

  private Path file(String name, String modified) throws IOException {
    Path path = root.resolve("services/project-intake/target").resolve(name);
    Files.createDirectories(path.getParent());
    Files.writeString(path, "jar");
    Files.setLastModifiedTime(path, FileTime.from(Instant.parse(modified)));
    return path;
  }
}
