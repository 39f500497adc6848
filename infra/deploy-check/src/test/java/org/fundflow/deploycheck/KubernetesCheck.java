package org.fundflow.deploycheck;

import static org.fundflow.deploycheck.Yamls.at;
import static org.fundflow.deploycheck.Yamls.list;
import static org.fundflow.deploycheck.Yamls.map;
import static org.fundflow.deploycheck.Yamls.str;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the Kustomize base must hold: its resources exist and are all listed; each of the four services
 * has a Deployment with liveness/readiness probes on the actuator groups, requests and limits, its
 * configuration from the ConfigMap and its secrets (Mongo URI, person-id key) from the Secret, at most
 * as many replicas as its topics have partitions, and a Service that selects it.
 */
final class KubernetesCheck {

  private static final Pattern QUANTITY = Pattern.compile("(\\d+(?:\\.\\d+)?)(m|Ki|Mi|Gi|k|M|G)?");

  private final List<String> problems = new ArrayList<>();

  private KubernetesCheck() {
  }

  static List<String> check(Path base, Path root, int partitions) {
    KubernetesCheck check = new KubernetesCheck();
    try {
      check.run(base, root, partitions);
    } catch (RuntimeException e) {
      check.problems.add("manifests do not load: " + e.getMessage());
    }
    return check.problems;
  }

  private void run(Path base, Path root, int partitions) {
    Map<String, Object> kustomization = Yamls.load(base.resolve("kustomization.yaml"));
    if (!"Kustomization".equals(kustomization.get("kind"))) {
      problems.add("kustomization.yaml: kind is not Kustomization");
    }
    Set<String> listed = new HashSet<>();
    List<Map<String, Object>> docs = new ArrayList<>();
    for (Object r : list(kustomization.get("resources"))) {
      Path file = base.resolve(String.valueOf(r));
      listed.add(String.valueOf(r));
      if (!Files.isRegularFile(file)) {
        problems.add("kustomization.yaml: resource " + r + " does not exist");
        continue;
      }
      docs.addAll(Yamls.loadAll(file));
    }
    try (Stream<Path> files = Files.list(base)) {
      files.map(p -> p.getFileName().toString())
          .filter(n -> (n.endsWith(".yaml") || n.endsWith(".yml")) && !n.startsWith("kustomization."))
          .filter(n -> !listed.contains(n))
          .forEach(n -> problems.add(n + " is not listed in kustomization.yaml resources"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }

    Map<String, Map<String, Object>> configMaps = new HashMap<>();
    Map<String, Set<String>> secrets = new HashMap<>();
    Map<String, Object> secretTexts = new HashMap<>();
    Map<String, Map<String, Object>> deployments = new HashMap<>();
    List<Map<String, Object>> services = new ArrayList<>();
    Map<String, Map<String, Object>> budgets = new HashMap<>();
    for (Map<String, Object> doc : docs) {
      String kind = str(doc.get("kind"));
      String name = str(at(doc, "metadata", "name"));
      if (doc.get("apiVersion") == null || kind == null || name == null) {
        problems.add("a manifest without apiVersion, kind or metadata.name: " + doc.keySet());
        continue;
      }
      switch (kind) {
        case "ConfigMap" -> configMaps.put(name, map(doc.get("data")));
        case "Secret" -> {
          Set<String> keys = new HashSet<>(map(doc.get("stringData")).keySet());
          keys.addAll(map(doc.get("data")).keySet());
          secrets.put(name, keys);
          map(doc.get("stringData")).forEach((key, value) -> secretTexts.put(name + "/" + key, value));
        }
        case "Deployment" -> deployments.put(name, doc);
        case "Service" -> services.add(doc);
        case "PodDisruptionBudget" -> budgets.put(str(at(doc, "spec", "selector", "matchLabels", "app.kubernetes.io/name")), doc);
        default -> { }
      }
    }
    Map<String, Repo.ServiceConfig> configs = Repo.services(root);
    Set<String> mongoUsers = new HashSet<>();
    for (String name : Repo.SERVICES) {
      Map<String, Object> deployment = deployments.get(name);
      if (deployment == null) {
        problems.add("no Deployment " + name);
        continue;
      }
      checkDeployment(name, deployment, configs.get(name), configMaps, secrets, partitions);
      checkService(name, deployment, services);
      checkDisruptionBudget(name, deployment, budgets.get(name));
      checkMongoUser(name, deployment, configs.get(name), secretTexts, mongoUsers);
    }
  }

  /** A service with several replicas keeps at least one through a drain, and never blocks one with a single replica. */
  private void checkDisruptionBudget(String name, Map<String, Object> deployment, Map<String, Object> budget) {
    Object replicas = at(deployment, "spec", "replicas");
    if (budget == null) {
      problems.add(name + ": no PodDisruptionBudget selecting app.kubernetes.io/name=" + name);
      return;
    }
    if (!(at(budget, "spec", "minAvailable") instanceof Integer min) || min < 1
        || !(replicas instanceof Integer n) || min >= n) {
      problems.add(name + ": its PodDisruptionBudget must keep at least 1 and fewer than all " + replicas + " replicas");
    }
  }

  /** The Secret's (placeholder) URI of each service names a user of its own, authenticated on its database. */
  private void checkMongoUser(String name, Map<String, Object> deployment, Repo.ServiceConfig config,
      Map<String, Object> secretTexts, Set<String> users) {
    for (Object c : list(at(deployment, "spec", "template", "spec", "containers"))) {
      for (Object e : list(at(c, "env"))) {
        if (!"SPRING_MONGODB_URI".equals(str(at(e, "name")))) {
          continue;
        }
        String ref = str(at(e, "valueFrom", "secretKeyRef", "name")) + "/" + str(at(e, "valueFrom", "secretKeyRef", "key"));
        String uri = str(secretTexts.get(ref));
        Matcher m = uri == null ? null
            : Pattern.compile("mongodb://([^:@/]+):[^@/]+@[^/]+/([A-Za-z0-9_]+)\\?(.*)").matcher(uri);
        if (m == null || !m.matches()) {
          problems.add(name + ": the Secret's Mongo URI " + ref + " has no user and password for a database");
          return;
        }
        if (!users.add(m.group(1))) {
          problems.add(name + ": MongoDB user " + m.group(1) + " is shared with another service");
        }
        if (!m.group(2).equals(config.database()) || !m.group(3).contains("authSource=" + config.database())) {
          problems.add(name + ": the Secret's Mongo URI is not its own database " + config.database() + " with authSource");
        }
      }
    }
  }

  private void checkDeployment(String name, Map<String, Object> d, Repo.ServiceConfig config,
      Map<String, Map<String, Object>> configMaps, Map<String, Set<String>> secrets, int partitions) {
    if (!"apps/v1".equals(d.get("apiVersion"))) {
      problems.add(name + ": Deployment apiVersion is not apps/v1");
    }
    Object replicas = at(d, "spec", "replicas");
    if (replicas instanceof Integer n && n > partitions) {
      problems.add(name + ": " + n + " replicas, but only " + partitions + " partitions: the others would consume nothing");
    }
    Map<String, Object> selector = map(at(d, "spec", "selector", "matchLabels"));
    Map<String, Object> labels = map(at(d, "spec", "template", "metadata", "labels"));
    if (selector.isEmpty() || !labels.entrySet().containsAll(selector.entrySet())) {
      problems.add(name + ": spec.selector.matchLabels " + selector + " do not select the pod labels " + labels);
    }
    List<Object> containers = list(at(d, "spec", "template", "spec", "containers"));
    if (containers.isEmpty()) {
      problems.add(name + ": no containers");
      return;
    }
    Map<String, Object> c = map(containers.get(0));
    if (str(c.get("image")) == null) {
      problems.add(name + ": container without image");
    }
    Map<String, Integer> ports = new HashMap<>();
    for (Object p : list(c.get("ports"))) {
      Object number = at(p, "containerPort");
      ports.put(str(at(p, "name")), number instanceof Integer n ? n : -1);
    }
    if (!ports.containsValue(config.port())) {
      problems.add(name + ": no containerPort " + config.port());
    }
    checkProbe(name, c, "livenessProbe", "/actuator/health/liveness", ports, config.port());
    checkProbe(name, c, "readinessProbe", "/actuator/health/readiness", ports, config.port());
    for (String kind : List.of("requests", "limits")) {
      for (String resource : List.of("cpu", "memory")) {
        if (at(c, "resources", kind, resource) == null) {
          problems.add(name + ": no resources." + kind + "." + resource);
        }
      }
    }
    double requested = quantity(str(at(c, "resources", "requests", "memory")));
    double limit = quantity(str(at(c, "resources", "limits", "memory")));
    if (requested > limit) {
      problems.add(name + ": memory request above its limit");
    }
    boolean fromConfigMap = false;
    for (Object from : list(c.get("envFrom"))) {
      String ref = str(at(from, "configMapRef", "name"));
      if (ref != null) {
        fromConfigMap = true;
        if (!configMaps.containsKey(ref)) {
          problems.add(name + ": envFrom names ConfigMap " + ref + ", which the base does not define");
        }
      }
      String secretRef = str(at(from, "secretRef", "name"));
      if (secretRef != null && !secrets.containsKey(secretRef)) {
        problems.add(name + ": envFrom names Secret " + secretRef + ", which the base does not define");
      }
    }
    if (!fromConfigMap) {
      problems.add(name + ": takes no configuration from a ConfigMap (envFrom configMapRef)");
    }
    Map<String, Object> env = new HashMap<>();
    for (Object e : list(c.get("env"))) {
      env.put(str(at(e, "name")), e);
      String secret = str(at(e, "valueFrom", "secretKeyRef", "name"));
      String key = str(at(e, "valueFrom", "secretKeyRef", "key"));
      if (secret != null && !secrets.getOrDefault(secret, Set.of()).contains(key)) {
        problems.add(name + ": env " + at(e, "name") + " reads key " + key + " of Secret " + secret + ", which does not exist");
      }
      String cm = str(at(e, "valueFrom", "configMapKeyRef", "name"));
      String cmKey = str(at(e, "valueFrom", "configMapKeyRef", "key"));
      if (cm != null && !map(configMaps.get(cm)).containsKey(cmKey)) {
        problems.add(name + ": env " + at(e, "name") + " reads key " + cmKey + " of ConfigMap " + cm + ", which does not exist");
      }
    }
    if (!name.equals(str(at(env.get("FUNDFLOW_SECURITY_JWT_AUDIENCE"), "value")))) {
      problems.add(name + ": FUNDFLOW_SECURITY_JWT_AUDIENCE is not its own client id " + name);
    }
    for (String secretEnv : List.of("SPRING_MONGODB_URI", "FUNDFLOW_PRIVACY_PERSON_ID_KEY")) {
      if (at(env.get(secretEnv), "valueFrom", "secretKeyRef", "name") == null) {
        problems.add(name + ": " + secretEnv + " does not come from a Secret");
      }
    }
    Map<String, Object> shared = new HashMap<>();
    list(c.get("envFrom")).forEach(f -> shared.putAll(map(configMaps.get(str(at(f, "configMapRef", "name"))))));
    for (String needed : List.of("FUNDFLOW_KAFKA_BOOTSTRAP_SERVERS", "FUNDFLOW_SECURITY_JWT_JWK_SET_URI",
        "FUNDFLOW_SECURITY_JWT_ISSUER_URI")) {
      if (!shared.containsKey(needed) && !env.containsKey(needed)) {
        problems.add(name + ": " + needed + " is set neither by its ConfigMap nor in env");
      }
    }
  }

  private void checkProbe(String name, Map<String, Object> c, String probe, String path, Map<String, Integer> ports,
      int port) {
    Object get = at(c, probe, "httpGet");
    if (get == null) {
      problems.add(name + ": no " + probe + " (httpGet " + path + ")");
      return;
    }
    if (!path.equals(str(at(get, "path")))) {
      problems.add(name + ": " + probe + " asks " + at(get, "path") + " instead of " + path);
    }
    Object p = at(get, "port");
    int resolved = p instanceof Integer n ? n : ports.getOrDefault(str(p), -1);
    if (resolved != port) {
      problems.add(name + ": " + probe + " port " + p + " is not the service port " + port);
    }
  }

  private void checkService(String name, Map<String, Object> deployment, List<Map<String, Object>> services) {
    Map<String, Object> podLabels = map(at(deployment, "spec", "template", "metadata", "labels"));
    Set<String> portNames = new HashSet<>();
    for (Object c : list(at(deployment, "spec", "template", "spec", "containers"))) {
      list(at(c, "ports")).forEach(p -> {
        portNames.add(str(at(p, "name")));
        portNames.add(str(at(p, "containerPort")));
      });
    }
    for (Map<String, Object> s : services) {
      Map<String, Object> selector = map(at(s, "spec", "selector"));
      if (!selector.isEmpty() && podLabels.entrySet().containsAll(selector.entrySet())) {
        for (Object p : list(at(s, "spec", "ports"))) {
          if (!portNames.contains(str(at(p, "targetPort")))) {
            problems.add("Service " + at(s, "metadata", "name") + ": targetPort " + at(p, "targetPort")
                + " is no port of " + name);
          }
        }
        return;
      }
    }
    problems.add(name + ": no Service selects its pods");
  }

  static double quantity(String q) {
    if (q == null) {
      return 0;
    }
    Matcher m = QUANTITY.matcher(q.trim());
    if (!m.matches()) {
      return Double.NaN;
    }
    double n = Double.parseDouble(m.group(1));
    String unit = m.group(2) == null ? "" : m.group(2);
    return switch (unit) {
      case "m" -> n / 1000;
      case "k" -> n * 1e3;
      case "M" -> n * 1e6;
      case "G" -> n * 1e9;
      case "Ki" -> n * 1024;
      case "Mi" -> n * 1024 * 1024;
      case "Gi" -> n * 1024 * 1024 * 1024;
      default -> n;
    };
  }
}
