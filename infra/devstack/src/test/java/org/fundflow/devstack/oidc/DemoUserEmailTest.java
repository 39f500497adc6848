package org.fundflow.devstack.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The devstack's demo users have the e-mail addresses of the same users in infra/keycloak's realm. */
class DemoUserEmailTest {

  private static final Pattern USER = Pattern.compile("\"username\": \"([^\"]+)\"[^}]*?\"email\": \"([^\"]+)\"",
      Pattern.DOTALL);

  @Test
  void theAddressesAreTheRealmsAddresses() throws Exception {
    Path realm = Path.of("").toAbsolutePath();
    while (!Files.isRegularFile(realm.resolve("infra/keycloak/fundflow-realm.json"))) {
      realm = realm.getParent();
    }
    Matcher m = USER.matcher(Files.readString(realm.resolve("infra/keycloak/fundflow-realm.json")));
    Map<String, String> inRealm = new LinkedHashMap<>();
    while (m.find()) {
      inRealm.put(m.group(1), m.group(2));
    }
    Map<String, String> demo = new LinkedHashMap<>();
    DemoUser.all().forEach(u -> demo.put(u.username(), u.email()));
    assertThat(inRealm).containsAllEntriesOf(demo);
  }
}
