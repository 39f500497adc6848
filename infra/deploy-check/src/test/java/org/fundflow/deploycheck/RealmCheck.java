package org.fundflow.deploycheck;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the Keycloak realm must hold: every role of the brief as a realm role, one client per service,
 * a client for people whose tokens carry the roles and the organisation code, and at least one demo
 * user per role, applicants and experts with a valid organisation code.
 */
final class RealmCheck {

  static final List<String> ROLES = List.of("APPLICANT", "PROGRAM_MANAGER", "EXPERT", "FINANCE_OFFICER",
      "FINANCE_APPROVER", "INTEGRITY_OFFICER", "AUDITOR", "SERVICE_PROVIDER");
  static final Set<String> ORGANISATION_ROLES = Set.of("APPLICANT", "EXPERT", "SERVICE_PROVIDER");
  /** Unified social credit code: 18 characters, no I, O, S, V, Z. */
  static final String ORG_CODE = "[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}";

  private RealmCheck() {
  }

  static String realmName(Path realmFile) {
    return JsonMapper.builder().build().readTree(realmFile.toFile()).path("realm").asString();
  }

  static List<String> check(Path realmFile) {
    List<String> problems = new ArrayList<>();
    JsonNode realm;
    try {
      realm = JsonMapper.builder().build().readTree(realmFile.toFile());
    } catch (RuntimeException e) {
      return List.of("realm json does not parse: " + e.getMessage());
    }
    if (!realm.path("enabled").asBoolean(false)) {
      problems.add("realm is not enabled");
    }
    Set<String> roles = new HashSet<>();
    realm.path("roles").path("realm").forEach(r -> roles.add(r.path("name").asString()));
    for (String role : ROLES) {
      if (!roles.contains(role)) {
        problems.add("realm role " + role + " is missing");
      }
    }
    if (realm.has("clientScopes")) {
      // an import with its own clientScopes gets none of Keycloak's defaults (roles, profile, basic: no sub, no
      // realm_access.roles in the tokens); the built-in ones are needed
      Set<String> scopes = new HashSet<>();
      realm.path("clientScopes").forEach(s -> scopes.add(s.path("name").asString()));
      for (String needed : List.of("roles", "basic", "profile")) {
        if (!scopes.contains(needed)) {
          problems.add("clientScopes replaces Keycloak's defaults but lacks " + needed);
        }
      }
    }
    Map<String, JsonNode> clients = new LinkedHashMap<>();
    realm.path("clients").forEach(c -> clients.put(c.path("clientId").asString(), c));
    for (String service : Repo.SERVICES) {
      if (!clients.containsKey(service)) {
        problems.add("no client for service " + service);
      }
    }
    JsonNode cli = clients.get("fundflow-cli");
    if (cli == null) {
      problems.add("no client fundflow-cli (for people: password grant, Swagger UI)");
    } else {
      if (!cli.path("publicClient").asBoolean(false) || !cli.path("directAccessGrantsEnabled").asBoolean(false)) {
        problems.add("fundflow-cli must be public with direct access grants (the documented curl)");
      }
      if (!hasClaimMapper(cli, realm, "oidc-usermodel-attribute-mapper", "org_code")) {
        problems.add("fundflow-cli tokens carry no org_code claim (oidc-usermodel-attribute-mapper)");
      }
      if (!hasClaimMapper(cli, realm, "oidc-usermodel-realm-role-mapper", "roles") && realm.has("clientScopes")) {
        problems.add("fundflow-cli tokens carry neither a roles claim nor Keycloak's default roles scope");
      }
      for (String service : Repo.SERVICES) {
        boolean audience = false;
        for (JsonNode m : cli.path("protocolMappers")) {
          audience |= "oidc-audience-mapper".equals(m.path("protocolMapper").asString())
              && service.equals(m.path("config").path("included.client.audience").asString());
        }
        if (!audience) {
          problems.add("fundflow-cli tokens do not name " + service + " as audience");
        }
      }
    }
    if (!declaresAttribute(realm, "org_code")) {
      problems.add("the user profile neither declares org_code nor keeps unmanaged attributes");
    }
    Set<String> covered = new HashSet<>();
    Set<String> usernames = new HashSet<>();
    for (JsonNode user : realm.path("users")) {
      String name = user.path("username").asString();
      if (!usernames.add(name)) {
        problems.add("user " + name + " twice");
      }
      if (!user.path("enabled").asBoolean(false)) {
        problems.add("user " + name + " is not enabled");
      }
      if (user.path("credentials").size() == 0) {
        problems.add("user " + name + " has no credentials");
      }
      for (JsonNode r : user.path("realmRoles")) {
        String role = r.asString();
        covered.add(role);
        if (!roles.contains(role)) {
          problems.add("user " + name + " has undefined role " + role);
        }
        if (ORGANISATION_ROLES.contains(role)) {
          String org = user.path("attributes").path("org_code").path(0).asString("");
          if (!org.matches(ORG_CODE)) {
            problems.add("user " + name + " (" + role + ") has no valid org_code: '" + org + "'");
          }
        }
      }
    }
    for (String role : ROLES) {
      if (!covered.contains(role)) {
        problems.add("no demo user with role " + role);
      }
    }
    return problems;
  }

  private static boolean hasClaimMapper(JsonNode client, JsonNode realm, String type, String claim) {
    List<JsonNode> mappers = new ArrayList<>();
    client.path("protocolMappers").forEach(mappers::add);
    Set<String> scopes = new HashSet<>();
    client.path("defaultClientScopes").forEach(s -> scopes.add(s.asString()));
    realm.path("clientScopes").forEach(s -> {
      if (scopes.contains(s.path("name").asString())) {
        s.path("protocolMappers").forEach(mappers::add);
      }
    });
    for (JsonNode m : mappers) {
      if (type.equals(m.path("protocolMapper").asString())
          && claim.equals(m.path("config").path("claim.name").asString())
          && m.path("config").path("access.token.claim").asString("false").equals("true")) {
        return true;
      }
    }
    return false;
  }

  private static boolean declaresAttribute(JsonNode realm, String attribute) {
    JsonNode providers = realm.path("components").path("org.keycloak.userprofile.UserProfileProvider");
    for (JsonNode provider : providers) {
      for (JsonNode config : provider.path("config").path("kc.user.profile.config")) {
        JsonNode profile = JsonMapper.builder().build().readTree(config.asString());
        if ("ENABLED".equals(profile.path("unmanagedAttributePolicy").asString())) {
          return true;
        }
        for (JsonNode a : profile.path("attributes")) {
          if (attribute.equals(a.path("name").asString())) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
