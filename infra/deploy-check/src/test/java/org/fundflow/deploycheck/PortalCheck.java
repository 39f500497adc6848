package org.fundflow.deploycheck;

import static org.fundflow.deploycheck.Yamls.at;
import static org.fundflow.deploycheck.Yamls.list;
import static org.fundflow.deploycheck.Yamls.map;
import static org.fundflow.deploycheck.Yamls.str;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where the portal runs: docker-compose and the Kustomize base both run it on its port with its own database and
 * user, send the browser to the issuer the services trust, read the discovery document inside the network, and
 * call the four services by their names and ports; the realm's portal client lets the browser come back to it.
 */
final class PortalCheck {

  static final String NAME = "portal";
  private static final Map<String, String> URL_VARIABLES = Map.of(
      "project-intake", "PORTAL_INTAKE_URL", "milestone-review", "PORTAL_MILESTONE_URL",
      "post-subsidy", "PORTAL_SUBSIDY_URL", "integrity-check", "PORTAL_INTEGRITY_URL");
  private static final Pattern MONGO_URI = Pattern.compile("mongodb://([^:@/]+):[^@/]+@[^/]+/([A-Za-z0-9_]+)\\?(.*)");

  private final List<String> problems = new ArrayList<>();

  private PortalCheck() {
  }

  /** The portal's own settings: its port and database, from its application.yml. */
  static Repo.ServiceConfig config(Path root) {
    Map<String, Object> yml = Yamls.load(root.resolve("services/portal/src/main/resources/application.yml"));
    String uri = Repo.defaultOf(str(at(yml, "spring", "mongodb", "uri")));
    String database = uri.replaceFirst("^mongodb://[^/]+/", "").replaceFirst("\\?.*$", "");
    int port = Integer.parseInt(Repo.defaultOf(str(at(yml, "server", "port"))));
    return new Repo.ServiceConfig(NAME, port, database, Map.of());
  }

  static List<String> compose(Path compose, Path root, Path realm) {
    PortalCheck check = new PortalCheck();
    check.checkCompose(Yamls.load(compose), root, realm);
    return check.problems;
  }

  static List<String> kubernetes(Path base, Path root) {
    PortalCheck check = new PortalCheck();
    List<Map<String, Object>> docs = new ArrayList<>();
    for (Object r : list(Yamls.load(base.resolve("kustomization.yaml")).get("resources"))) {
      docs.addAll(Yamls.loadAll(base.resolve(String.valueOf(r))));
    }
    check.checkKubernetes(docs, root);
    return check.problems;
  }

  private void checkCompose(Map<String, Object> doc, Path root, Path realm) {
    Map<String, Object> services = map(doc.get("services"));
    Map<String, Object> portal = map(services.get(NAME));
    if (portal.isEmpty()) {
      problems.add("compose: no portal");
      return;
    }
    Repo.ServiceConfig config = config(root);
    Map<String, Object> env = map(portal.get("environment"));
    if (!String.valueOf(config.port()).equals(str(env.get("SERVER_PORT")))) {
      problems.add("compose portal: SERVER_PORT is not " + config.port());
    }
    if (list(portal.get("ports")).stream().map(String::valueOf).noneMatch(p -> p.endsWith(":" + config.port()))) {
      problems.add("compose portal: port " + config.port() + " is not published");
    }
    String uri = str(env.get("SPRING_MONGODB_URI"));
    Matcher m = uri == null ? null : MONGO_URI.matcher(uri);
    if (m == null || !m.matches() || !m.group(2).equals(config.database())
        || !m.group(3).contains("replicaSet=") || !m.group(3).contains("authSource=" + config.database())) {
      problems.add("compose portal: SPRING_MONGODB_URI is not its own database " + config.database()
          + " on the replica set with its own user");
    } else if (!config.database().equals(ComposeCheck.scriptUsers(root).get(m.group(1)))) {
      problems.add("compose portal: user " + m.group(1) + " is not created on " + config.database() + " by "
          + ComposeCheck.USERS_SCRIPT);
    }
    Map<String, Object> intake = map(map(services.get("project-intake")).get("environment"));
    String trusted = str(intake.get("FUNDFLOW_SECURITY_JWT_ISSUER_URI"));
    if (trusted == null || !trusted.equals(str(env.get("PORTAL_ISSUER_URI")))) {
      problems.add("compose portal: PORTAL_ISSUER_URI " + env.get("PORTAL_ISSUER_URI")
          + " is not the issuer the services trust (" + trusted + ")");
    }
    String discovery = str(env.get("PORTAL_DISCOVERY_URI"));
    String realmName = RealmCheck.realmName(realm);
    if (discovery == null
        || !discovery.matches("http://keycloak:\\d+/realms/" + realmName + "/\\.well-known/openid-configuration")) {
      problems.add("compose portal: PORTAL_DISCOVERY_URI is not Keycloak's discovery document inside the network ("
          + discovery + ")");
    }
    URL_VARIABLES.forEach((service, variable) -> {
      String expected = "http://" + service + ":" + Repo.services(root).get(service).port();
      if (!expected.equals(str(env.get(variable)))) {
        problems.add("compose portal: " + variable + " is not " + expected + " (" + env.get(variable) + ")");
      }
    });
    if (!"service_healthy".equals(str(at(portal, "depends_on", "keycloak", "condition")))) {
      problems.add("compose portal: does not wait for a healthy keycloak");
    }
    if (!String.valueOf(at(portal, "healthcheck", "test")).contains("localhost:" + config.port()
        + "/actuator/health/readiness")) {
      problems.add("compose portal: the healthcheck does not ask /actuator/health/readiness");
    }
    // compose writes ${VAR:-default}
    checkRealmClient(realm, config.port(), Repo.defaultOf(str(env.get("PORTAL_CLIENT_SECRET"))).replaceFirst("^-", ""));
  }

  private void checkRealmClient(Path realm, int port, String secret) {
    Map<String, Object> client = realmClient(realm, NAME);
    if (client.isEmpty()) {
      problems.add("realm: no client portal");
      return;
    }
    String redirect = "http://localhost:" + port + "/login/oauth2/code/fundflow";
    if (!list(client.get("redirectUris")).contains(redirect)) {
      problems.add("realm portal client: redirect URI " + redirect + " is not registered");
    }
    if (!"S256".equals(str(at(client, "attributes", "pkce.code.challenge.method")))) {
      problems.add("realm portal client: PKCE S256 is not required");
    }
    if (!String.valueOf(client.get("secret")).equals(secret)) {
      problems.add("realm portal client: its secret is not compose's default PORTAL_CLIENT_SECRET");
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> realmClient(Path realm, String clientId) {
    Map<String, Object> doc = JsonMapper.builder().build().readValue(realm.toFile(), Map.class);
    return list(doc.get("clients")).stream().map(Yamls::map).filter(c -> clientId.equals(c.get("clientId")))
        .findFirst().orElse(Map.of());
  }

  private void checkKubernetes(List<Map<String, Object>> docs, Path root) {
    Map<String, Map<String, Object>> configMaps = new HashMap<>();
    Map<String, Map<String, Object>> secrets = new HashMap<>();
    Map<String, Object> deployment = null;
    List<String> serviceNames = new ArrayList<>();
    for (Map<String, Object> doc : docs) {
      String name = str(at(doc, "metadata", "name"));
      switch (String.valueOf(doc.get("kind"))) {
        case "ConfigMap" -> configMaps.put(name, map(doc.get("data")));
        case "Secret" -> secrets.put(name, map(doc.get("stringData")));
        case "Deployment" -> deployment = NAME.equals(name) ? doc : deployment;
        case "Service" -> serviceNames.add(name);
        default -> { }
      }
    }
    if (deployment == null) {
      problems.add("k8s: no Deployment portal");
      return;
    }
    if (!serviceNames.contains(NAME)) {
      problems.add("k8s: no Service portal");
    }
    Repo.ServiceConfig config = config(root);
    if (!(at(deployment, "spec", "replicas") instanceof Integer n) || n != 1) {
      problems.add("k8s portal: more than one replica, but its web sessions are in memory");
    }
    Map<String, Object> c = map(list(at(deployment, "spec", "template", "spec", "containers")).get(0));
    if (list(c.get("ports")).stream().noneMatch(p -> Integer.valueOf(config.port()).equals(at(p, "containerPort")))) {
      problems.add("k8s portal: no containerPort " + config.port());
    }
    for (String probe : List.of("livenessProbe", "readinessProbe")) {
      if (at(c, probe, "httpGet", "path") == null) {
        problems.add("k8s portal: no " + probe);
      }
    }
    Map<String, Object> settings = new HashMap<>();
    list(c.get("envFrom")).forEach(f -> settings.putAll(map(configMaps.get(str(at(f, "configMapRef", "name"))))));
    Map<String, Object> env = new HashMap<>();
    list(c.get("env")).forEach(e -> env.put(str(at(e, "name")), e));
    String trusted = str(map(configMaps.get("fundflow-config")).get("FUNDFLOW_SECURITY_JWT_ISSUER_URI"));
    if (trusted == null || !trusted.equals(str(settings.get("PORTAL_ISSUER_URI")))) {
      problems.add("k8s portal: PORTAL_ISSUER_URI is not the issuer the services trust (" + trusted + ")");
    }
    if (!"true".equals(str(settings.get("PORTAL_SECURE_COOKIE")))) {
      problems.add("k8s portal: the session cookie is not Secure behind TLS (PORTAL_SECURE_COOKIE)");
    }
    if (str(settings.get("PORTAL_DISCOVERY_URI")) == null) {
      problems.add("k8s portal: no PORTAL_DISCOVERY_URI inside the cluster");
    }
    URL_VARIABLES.forEach((service, variable) -> {
      if (!("http://" + service).equals(str(settings.get(variable))) || !serviceNames.contains(service)) {
        problems.add("k8s portal: " + variable + " is not the Service http://" + service);
      }
    });
    for (String secretEnv : List.of("SPRING_MONGODB_URI", "PORTAL_CLIENT_SECRET")) {
      Object ref = at(env.get(secretEnv), "valueFrom", "secretKeyRef");
      String value = ref == null ? null
          : str(map(secrets.get(str(at(ref, "name")))).get(str(at(ref, "key"))));
      if (value == null) {
        problems.add("k8s portal: " + secretEnv + " does not come from a key of a Secret in the base");
      } else if (secretEnv.equals("SPRING_MONGODB_URI")) {
        Matcher m = MONGO_URI.matcher(value);
        if (!m.matches() || !m.group(2).equals(config.database())
            || !m.group(3).contains("authSource=" + config.database())) {
          problems.add("k8s portal: the Secret's Mongo URI is not its own database " + config.database());
        }
      }
    }
  }
}
