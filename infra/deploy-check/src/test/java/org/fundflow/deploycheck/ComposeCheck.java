package org.fundflow.deploycheck;

import static org.fundflow.deploycheck.Yamls.at;
import static org.fundflow.deploycheck.Yamls.list;
import static org.fundflow.deploycheck.Yamls.map;
import static org.fundflow.deploycheck.Yamls.str;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What docker-compose.yml must say: every container has an image or a build, a memory limit and a
 * healthcheck (a one-shot init container instead exits and is waited for); depends_on names existing
 * services with conditions that can be met; the four services use the replica set, their own
 * database, Keycloak's keys and issuer, and wait for healthy infrastructure. MongoDB runs with
 * authentication: a keyfile made by a one-shot step, a root user, one user per service created by a
 * one-shot step on the service's own database, and each service's URI carrying its own credentials.
 */
final class ComposeCheck {

  static final Set<String> INFRASTRUCTURE = Set.of("kafka", "kafka-init", "mongo", "keycloak", "keycloak-db", "kafka-ui");
  private static final Set<String> CONDITIONS =
      Set.of("service_healthy", "service_completed_successfully", "service_started");
  private static final Pattern MONGO_URI =
      Pattern.compile("mongodb://([^/?]+)/([A-Za-z0-9_]+)\\?(.*)");
  private static final Pattern USER_OF_SCRIPT =
      Pattern.compile("user:\\s*\"([A-Za-z0-9_]+)\",\\s*db:\\s*\"([A-Za-z0-9_]+)\"");
  static final String USERS_SCRIPT = "infra/mongo/create-users.js";
  private static final Pattern SIZE = Pattern.compile("(\\d+)([bkmg]?)b?", Pattern.CASE_INSENSITIVE);

  private final List<String> problems = new ArrayList<>();

  private ComposeCheck() {
  }

  /** The problems of {@code compose} (empty when it is fine); relative paths resolve against {@code root}. */
  static List<String> check(Path compose, Path root, String realm) {
    ComposeCheck check = new ComposeCheck();
    Map<String, Object> doc;
    try {
      doc = Yamls.load(compose);
    } catch (RuntimeException e) {
      return List.of("docker-compose.yml does not parse: " + e.getMessage());
    }
    check.run(doc, root, realm);
    return check.problems;
  }

  private void run(Map<String, Object> doc, Path root, String realm) {
    Map<String, Object> services = map(doc.get("services"));
    if (services.isEmpty()) {
      problems.add("no services");
      return;
    }
    Set<String> required = new HashSet<>(INFRASTRUCTURE);
    required.addAll(List.of(Repo.SERVICES));
    for (String name : required) {
      if (!services.containsKey(name)) {
        problems.add("service " + name + " is missing");
      }
    }
    Set<String> volumes = map(doc.get("volumes")).keySet();
    Map<String, Map<String, String>> dependencies = new LinkedHashMap<>();
    services.forEach((name, value) -> dependencies.put(name, dependsOn(name, map(value))));

    services.forEach((name, value) -> {
      Map<String, Object> service = map(value);
      checkImage(name, service, root);
      checkMemory(name, service);
      checkVolumes(name, service, volumes, root);
      boolean oneShot = isOneShot(name, service, dependencies);
      if (!oneShot && !hasHealthcheck(service)) {
        problems.add(name + ": no healthcheck");
      }
      dependencies.get(name).forEach((target, condition) -> {
        if (!services.containsKey(target)) {
          problems.add(name + ": depends on unknown service " + target);
          return;
        }
        Map<String, Object> other = map(services.get(target));
        if (condition.equals("service_healthy") && !hasHealthcheck(other)) {
          problems.add(name + ": waits for " + target + " to be healthy, but it has no healthcheck");
        }
        if (condition.equals("service_completed_successfully") && !"no".equals(str(other.get("restart")))
            && other.get("restart") != null) {
          problems.add(name + ": waits for " + target + " to complete, but it restarts (" + other.get("restart") + ")");
        }
      });
    });
    checkCycles(dependencies);
    checkKafka(services);
    checkMongo(services, dependencies);
    String usersStep = checkMongoUsersStep(services, dependencies);
    Map<String, String> scriptUsers = scriptUsers(root);
    checkKeycloak(services, dependencies);
    Map<String, Repo.ServiceConfig> configs = Repo.services(root);
    Set<String> databases = new HashSet<>();
    Set<String> users = new HashSet<>();
    for (String name : Repo.SERVICES) {
      if (services.containsKey(name)) {
        Map<String, Object> service = map(services.get(name));
        checkService(name, service, dependencies.get(name), configs.get(name), realm, databases);
        checkMongoCredentials(name, env(service), configs.get(name), scriptUsers, users);
        if (usersStep != null && !"service_completed_successfully".equals(dependencies.get(name).get(usersStep))) {
          problems.add(name + ": does not wait for " + usersStep + " (its database user) with service_completed_successfully");
        }
      }
    }
  }

  /** The one-shot step that runs the users script: waits for a healthy mongo and mounts infra/mongo. */
  private String checkMongoUsersStep(Map<String, Object> services, Map<String, Map<String, String>> dependencies) {
    for (Map.Entry<String, Object> e : services.entrySet()) {
      Map<String, Object> service = map(e.getValue());
      if (!(String.valueOf(service.get("entrypoint")) + service.get("command")).contains("create-users.js")) {
        continue;
      }
      String name = e.getKey();
      if (!"service_healthy".equals(dependencies.get(name).get("mongo"))) {
        problems.add(name + ": creates the database users without waiting for a healthy mongo");
      }
      if (list(service.get("volumes")).stream().noneMatch(v -> String.valueOf(v).startsWith("./infra/mongo:"))) {
        problems.add(name + ": does not mount ./infra/mongo (the users script)");
      }
      if (!"no".equals(str(service.get("restart")))) {
        problems.add(name + ": the users step is not a one-shot (restart: \"no\")");
      }
      return name;
    }
    problems.add("no step runs " + USERS_SCRIPT + ": the services' database users are never created");
    return null;
  }

  /** The users the script creates, each with the database it is created on. */
  static Map<String, String> scriptUsers(Path root) {
    Map<String, String> users = new LinkedHashMap<>();
    try {
      Matcher m = USER_OF_SCRIPT.matcher(Files.readString(root.resolve(USERS_SCRIPT)));
      while (m.find()) {
        users.put(m.group(1), m.group(2));
      }
    } catch (java.io.IOException e) {
      // reported as missing users below
    }
    return users;
  }

  private void checkMongoCredentials(String name, Map<String, Object> env, Repo.ServiceConfig config,
      Map<String, String> scriptUsers, Set<String> users) {
    String uri = str(env.get("SPRING_MONGODB_URI"));
    Matcher m = uri == null ? null : MONGO_URI.matcher(uri);
    if (m == null || !m.matches()) {
      return;
    }
    String authority = m.group(1);
    int at = authority.lastIndexOf('@');
    String[] credentials = at < 0 ? new String[0] : authority.substring(0, at).split(":", 2);
    if (credentials.length != 2 || credentials[0].isBlank() || credentials[1].isBlank()) {
      problems.add(name + ": SPRING_MONGODB_URI has no user and password (mongodb://user:password@…)");
      return;
    }
    String user = credentials[0];
    if (!users.add(user)) {
      problems.add(name + ": MongoDB user " + user + " is shared with another service");
    }
    if (!config.database().equals(scriptUsers.get(user))) {
      problems.add(name + ": MongoDB user " + user + " is not created on " + config.database() + " by " + USERS_SCRIPT);
    }
    if (!m.group(3).matches("(.*&)?authSource=" + Pattern.quote(config.database()) + "(&.*)?")) {
      problems.add(name + ": SPRING_MONGODB_URI does not authenticate against its database (authSource="
          + config.database() + ")");
    }
  }

  private Map<String, String> dependsOn(String name, Map<String, Object> service) {
    Map<String, String> result = new LinkedHashMap<>();
    Object deps = service.get("depends_on");
    if (deps instanceof List<?> l) {
      for (Object target : l) {
        result.put(String.valueOf(target), "service_started");
      }
    } else if (deps instanceof Map<?, ?>) {
      map(deps).forEach((target, spec) -> {
        String condition = str(at(spec, "condition"));
        if (condition == null) {
          condition = "service_started";
        } else if (!CONDITIONS.contains(condition)) {
          problems.add(name + ": depends_on " + target + " has unknown condition " + condition);
        }
        result.put(target, condition);
      });
    } else if (deps != null) {
      problems.add(name + ": depends_on is neither a list nor a map");
    }
    return result;
  }

  /** A container that runs once and exits: restart "no" and waited for by its dependents' completion. */
  private boolean isOneShot(String name, Map<String, Object> service, Map<String, Map<String, String>> deps) {
    if (!"no".equals(str(service.get("restart")))) {
      return false;
    }
    boolean awaited = false;
    for (Map<String, String> d : deps.values()) {
      String condition = d.get(name);
      if (condition != null && !condition.equals("service_completed_successfully")) {
        return false;
      }
      awaited |= condition != null;
    }
    return awaited;
  }

  private static boolean hasHealthcheck(Map<String, Object> service) {
    Object test = at(service, "healthcheck", "test");
    if (Boolean.TRUE.equals(at(service, "healthcheck", "disable"))) {
      return false;
    }
    if (test instanceof List<?> l) {
      return l.size() >= 2 && !"NONE".equals(String.valueOf(l.get(0)));
    }
    return test instanceof String s && !s.isBlank();
  }

  private void checkImage(String name, Map<String, Object> service, Path root) {
    Object build = service.get("build");
    String image = str(service.get("image"));
    if (build == null && (image == null || image.isBlank())) {
      problems.add(name + ": neither image nor build");
    }
    if (image != null && !image.contains(":")) {
      problems.add(name + ": image " + image + " has no tag");
    }
    if (image != null && image.endsWith(":latest")) {
      problems.add(name + ": image " + image + " is not pinned (latest)");
    }
    if (build != null) {
      String context = build instanceof String s ? s : str(at(build, "context"));
      String dockerfile = build instanceof String ? "Dockerfile" : str(at(build, "dockerfile"));
      Path dir = root.resolve(context == null ? "." : context);
      if (!Files.isRegularFile(dir.resolve(dockerfile == null ? "Dockerfile" : dockerfile))) {
        problems.add(name + ": Dockerfile " + dockerfile + " not found in " + context);
      }
    }
  }

  private void checkMemory(String name, Map<String, Object> service) {
    String mem = str(service.get("mem_limit"));
    String deploy = str(at(service, "deploy", "resources", "limits", "memory"));
    if (mem == null && deploy == null) {
      problems.add(name + ": no memory limit (mem_limit or deploy.resources.limits.memory)");
      return;
    }
    if (mem != null && deploy != null && bytes(mem) != bytes(deploy)) {
      problems.add(name + ": mem_limit " + mem + " differs from deploy.resources.limits.memory " + deploy);
    }
    long limit = bytes(mem != null ? mem : deploy);
    if (limit < 128L << 20) {
      problems.add(name + ": memory limit " + (mem != null ? mem : deploy) + " is below 128 MiB (or unreadable)");
    }
  }

  static long bytes(String size) {
    Matcher m = SIZE.matcher(size.trim());
    if (!m.matches()) {
      return -1;
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2).toLowerCase()) {
      case "k" -> n << 10;
      case "m" -> n << 20;
      case "g" -> n << 30;
      default -> n;
    };
  }

  private void checkVolumes(String name, Map<String, Object> service, Set<String> declared, Path root) {
    for (Object v : list(service.get("volumes"))) {
      String spec = String.valueOf(v);
      String source = spec.split(":")[0];
      if (source.startsWith(".") || source.startsWith("/")) {
        if (source.startsWith(".") && !Files.exists(root.resolve(source))) {
          problems.add(name + ": bind mount " + source + " does not exist");
        }
      } else if (!declared.contains(source)) {
        problems.add(name + ": named volume " + source + " is not declared under volumes");
      }
    }
  }

  private void checkCycles(Map<String, Map<String, String>> deps) {
    Map<String, Integer> state = new LinkedHashMap<>();
    for (String s : deps.keySet()) {
      if (visit(s, deps, state)) {
        problems.add("depends_on has a cycle through " + s);
        return;
      }
    }
  }

  private static boolean visit(String s, Map<String, Map<String, String>> deps, Map<String, Integer> state) {
    Integer st = state.get(s);
    if (st != null) {
      return st == 1;
    }
    state.put(s, 1);
    for (String t : deps.getOrDefault(s, Map.of()).keySet()) {
      if (visit(t, deps, state)) {
        return true;
      }
    }
    state.put(s, 2);
    return false;
  }

  private void checkKafka(Map<String, Object> services) {
    Map<String, Object> kafka = map(services.get("kafka"));
    Map<String, Object> env = env(kafka);
    String image = str(kafka.get("image"));
    if (image == null || !image.startsWith("apache/kafka:")) {
      problems.add("kafka: image is not apache/kafka (" + image + ")");
    }
    String roles = str(env.get("KAFKA_PROCESS_ROLES"));
    if (roles == null || !roles.contains("controller") || !roles.contains("broker")) {
      problems.add("kafka: not a KRaft broker+controller (KAFKA_PROCESS_ROLES=" + roles + ")");
    }
    if (env.keySet().stream().anyMatch(k -> k.contains("ZOOKEEPER"))) {
      problems.add("kafka: ZooKeeper settings in a KRaft broker");
    }
    Map<String, Object> init = map(services.get("kafka-init"));
    String entry = String.valueOf(init.get("entrypoint")) + init.get("command");
    if (!entry.contains("create-topics.sh")) {
      problems.add("kafka-init: does not run infra/kafka/create-topics.sh");
    }
    if (list(init.get("volumes")).stream().noneMatch(v -> String.valueOf(v).startsWith("./infra/kafka:"))) {
      problems.add("kafka-init: does not mount ./infra/kafka");
    }
  }

  private void checkMongo(Map<String, Object> services, Map<String, Map<String, String>> dependencies) {
    Map<String, Object> mongo = map(services.get("mongo"));
    List<Object> command = list(mongo.get("command"));
    int i = command.indexOf("--replSet");
    if (i < 0 || i + 1 >= command.size()) {
      problems.add("mongo: not started as a replica set (--replSet)");
      return;
    }
    String set = String.valueOf(command.get(i + 1));
    String test = String.valueOf(at(mongo, "healthcheck", "test"));
    if (!test.contains("rs.initiate") || !test.contains(set)) {
      problems.add("mongo: the healthcheck does not initiate replica set " + set);
    }
    Map<String, Object> env = env(mongo);
    if (env.get("MONGO_INITDB_ROOT_USERNAME") == null || env.get("MONGO_INITDB_ROOT_PASSWORD") == null) {
      problems.add("mongo: no root user (MONGO_INITDB_ROOT_USERNAME and MONGO_INITDB_ROOT_PASSWORD)");
    }
    if (!test.contains("--authenticationDatabase admin") || !test.contains("MONGO_INITDB_ROOT_PASSWORD")) {
      problems.add("mongo: the healthcheck does not authenticate as the root user");
    }
    int k = command.indexOf("--keyFile");
    if (k < 0 || k + 1 >= command.size()) {
      problems.add("mongo: no --keyFile: a replica set with authentication needs one");
      return;
    }
    checkKeyfileStep(services, dependencies, mongo, String.valueOf(command.get(k + 1)));
  }

  /** The keyfile comes from a one-shot step that writes it into a named volume mongo mounts where it reads it. */
  private void checkKeyfileStep(Map<String, Object> services, Map<String, Map<String, String>> dependencies,
      Map<String, Object> mongo, String keyFile) {
    int slash = keyFile.lastIndexOf('/');
    String dir = keyFile.substring(0, Math.max(slash, 0));
    String file = keyFile.substring(slash + 1);
    String volume = null;
    for (Object v : list(mongo.get("volumes"))) {
      String[] parts = String.valueOf(v).split(":");
      if (parts.length >= 2 && parts[1].equals(dir)) {
        volume = parts[0];
      }
    }
    if (volume == null) {
      problems.add("mongo: nothing is mounted at " + dir + ", where its keyfile is read");
      return;
    }
    for (Map.Entry<String, String> dep : dependencies.get("mongo").entrySet()) {
      Map<String, Object> step = map(services.get(dep.getKey()));
      String script = String.valueOf(step.get("entrypoint")) + step.get("command");
      String mounted = volume;
      boolean writesIt = list(step.get("volumes")).stream().map(String::valueOf).anyMatch(v -> v.startsWith(mounted + ":"));
      if (writesIt && script.contains(file) && script.contains("chmod 400")) {
        if (!"service_completed_successfully".equals(dep.getValue())) {
          problems.add("mongo: does not wait for its keyfile step " + dep.getKey() + " to complete");
        }
        return;
      }
    }
    problems.add("mongo: no step it waits for writes its keyfile " + file + " (chmod 400) into volume " + volume);
  }

  /**
   * Keycloak in production mode ({@code start}, never {@code start-dev}) importing the realm, with its own PostgreSQL
   * container that it waits for healthy, the same database password on both sides, a fixed hostname (the issuer of
   * every token) and HTTP only behind a proxy that sets the forwarded headers.
   */
  private void checkKeycloak(Map<String, Object> services, Map<String, Map<String, String>> dependencies) {
    Map<String, Object> keycloak = map(services.get("keycloak"));
    String image = str(keycloak.get("image"));
    if (image == null || !image.matches("quay\\.io/keycloak/keycloak:26(\\..*)?")) {
      problems.add("keycloak: image is not quay.io/keycloak/keycloak:26.x (" + image + ")");
    }
    List<String> command = list(keycloak.get("command")).stream().map(String::valueOf).toList();
    if (command.isEmpty() || !"start".equals(command.get(0)) || !command.contains("--import-realm")) {
      problems.add("keycloak: not in production mode (start --import-realm): " + command);
    }
    boolean realmMounted = list(keycloak.get("volumes")).stream().map(String::valueOf)
        .anyMatch(v -> v.startsWith("./infra/keycloak/") && v.contains(":/opt/keycloak/data/import/"));
    if (!realmMounted) {
      problems.add("keycloak: the realm of infra/keycloak is not mounted into /opt/keycloak/data/import/");
    }
    Map<String, Object> env = env(keycloak);
    if (str(env.get("KC_HOSTNAME")) == null) {
      problems.add("keycloak: no KC_HOSTNAME (the issuer of every token)");
    }
    if ("true".equals(str(env.get("KC_HTTP_ENABLED"))) && str(env.get("KC_PROXY_HEADERS")) == null
        && str(env.get("KC_HTTPS_CERTIFICATE_FILE")) == null) {
      problems.add("keycloak: plain HTTP without KC_PROXY_HEADERS (TLS at a proxy) or KC_HTTPS_CERTIFICATE_FILE");
    }
    if (!"postgres".equals(str(env.get("KC_DB")))) {
      problems.add("keycloak: KC_DB is not postgres (its own database, not the development H2)");
      return;
    }
    Matcher url = Pattern.compile("jdbc:postgresql://([A-Za-z0-9_-]+)(:\\d+)?/([A-Za-z0-9_]+)")
        .matcher(String.valueOf(env.get("KC_DB_URL")));
    if (!url.matches()) {
      problems.add("keycloak: KC_DB_URL is not jdbc:postgresql://<service>/<database> (" + env.get("KC_DB_URL") + ")");
      return;
    }
    String dbService = url.group(1);
    Map<String, Object> db = map(services.get(dbService));
    String dbImage = str(db.get("image"));
    if (dbImage == null || !dbImage.startsWith("postgres:")) {
      problems.add("keycloak: its database " + dbService + " is not a postgres container (" + dbImage + ")");
      return;
    }
    if (!"service_healthy".equals(dependencies.get("keycloak").get(dbService))) {
      problems.add("keycloak: does not wait for a healthy " + dbService);
    }
    Map<String, Object> dbEnv = env(db);
    if (!url.group(3).equals(str(dbEnv.get("POSTGRES_DB")))) {
      problems.add("keycloak: database " + url.group(3) + " is not the POSTGRES_DB of " + dbService);
    }
    if (!String.valueOf(env.get("KC_DB_USERNAME")).equals(String.valueOf(dbEnv.get("POSTGRES_USER")))
        || !String.valueOf(env.get("KC_DB_PASSWORD")).equals(String.valueOf(dbEnv.get("POSTGRES_PASSWORD")))) {
      problems.add("keycloak: KC_DB_USERNAME/KC_DB_PASSWORD differ from " + dbService + "'s POSTGRES_USER/POSTGRES_PASSWORD");
    }
  }

  private void checkService(String name, Map<String, Object> service, Map<String, String> deps,
      Repo.ServiceConfig config, String realm, Set<String> databases) {
    Map<String, Object> env = env(service);
    String uri = str(env.get("SPRING_MONGODB_URI"));
    if (uri == null) {
      problems.add(name + ": no SPRING_MONGODB_URI");
    } else {
      Matcher m = MONGO_URI.matcher(uri);
      if (!m.matches() || !m.group(3).matches("(.*&)?replicaSet=[A-Za-z0-9_-]+(&.*)?")) {
        problems.add(name + ": SPRING_MONGODB_URI " + uri + " is not a replica-set URL (…/db?replicaSet=…)");
      } else {
        if (!m.group(2).equals(config.database())) {
          problems.add(name + ": database " + m.group(2) + " is not the service's own " + config.database());
        }
        if (!databases.add(m.group(2))) {
          problems.add(name + ": database " + m.group(2) + " is shared with another service");
        }
      }
    }
    String audience = str(env.get("FUNDFLOW_SECURITY_JWT_AUDIENCE"));
    if (!name.equals(audience)) {
      problems.add(name + ": FUNDFLOW_SECURITY_JWT_AUDIENCE is not its own client id " + name + " (" + audience + ")");
    }
    String port = str(env.get("SERVER_PORT"));
    if (port == null || Integer.parseInt(port) != config.port()) {
      problems.add(name + ": SERVER_PORT " + port + " is not the service's port " + config.port());
    }
    String test = String.valueOf(at(service, "healthcheck", "test"));
    if (!test.contains("localhost:" + config.port() + "/actuator/health/readiness")) {
      problems.add(name + ": the healthcheck does not ask /actuator/health/readiness on port " + config.port());
    }
    String jwks = str(env.get("FUNDFLOW_SECURITY_JWT_JWK_SET_URI"));
    if (jwks == null || !jwks.matches("http://keycloak:\\d+/realms/" + realm + "/protocol/openid-connect/certs")) {
      problems.add(name + ": FUNDFLOW_SECURITY_JWT_JWK_SET_URI is not Keycloak's JWKS of realm " + realm + " (" + jwks + ")");
    }
    String issuer = str(env.get("FUNDFLOW_SECURITY_JWT_ISSUER_URI"));
    if (issuer == null || !issuer.endsWith("/realms/" + realm)) {
      problems.add(name + ": FUNDFLOW_SECURITY_JWT_ISSUER_URI is not the issuer of realm " + realm + " (" + issuer + ")");
    }
    if (env.get("FUNDFLOW_PRIVACY_PERSON_ID_KEY") == null) {
      problems.add(name + ": no FUNDFLOW_PRIVACY_PERSON_ID_KEY");
    }
    String brokers = str(env.get("FUNDFLOW_KAFKA_BOOTSTRAP_SERVERS"));
    if (brokers == null || !brokers.startsWith("kafka:")) {
      problems.add(name + ": FUNDFLOW_KAFKA_BOOTSTRAP_SERVERS is not the kafka service (" + brokers + ")");
    }
    Map<String, String> wanted = Map.of("kafka", "service_healthy", "mongo", "service_healthy",
        "keycloak", "service_healthy", "kafka-init", "service_completed_successfully");
    wanted.forEach((target, condition) -> {
      if (!condition.equals(deps.get(target))) {
        problems.add(name + ": does not wait for " + target + " with " + condition + " (has " + deps.get(target) + ")");
      }
    });
  }

  private static Map<String, Object> env(Map<String, Object> service) {
    Object env = service.get("environment");
    if (env instanceof List<?> l) {
      Map<String, Object> result = new LinkedHashMap<>();
      for (Object entry : l) {
        String[] kv = String.valueOf(entry).split("=", 2);
        result.put(kv[0], kv.length > 1 ? kv[1] : null);
      }
      return result;
    }
    return map(env);
  }
}
