package org.fundflow.deploycheck;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The repository this module lives in, and what the services' own configuration says. */
final class Repo {

  /** The four services: name, HTTP port, database (from their application.yml). */
  record ServiceConfig(String name, int port, String database, Map<String, String> bindings) {
  }

  static final String[] SERVICES = {"project-intake", "milestone-review", "post-subsidy", "integrity-check"};

  private static final Pattern DEFAULT_VALUE = Pattern.compile("\\$\\{[A-Z_]+:(.*)}");

  private Repo() {
  }

  static Path root() {
    Path dir = Path.of("").toAbsolutePath();
    for (Path p = dir; p != null; p = p.getParent()) {
      if (Files.exists(p.resolve("docker-compose.yml")) && Files.exists(p.resolve("services"))) {
        return p;
      }
    }
    throw new IllegalStateException("no repository root (docker-compose.yml + services/) above " + dir);
  }

  static Map<String, ServiceConfig> services(Path root) {
    Map<String, ServiceConfig> services = new LinkedHashMap<>();
    for (String name : SERVICES) {
      Map<String, Object> yml = Yamls.load(root.resolve("services/" + name + "/src/main/resources/application.yml"));
      String uri = defaultOf(Yamls.str(Yamls.at(yml, "spring", "mongodb", "uri")));
      String database = uri.replaceFirst("^mongodb://[^/]+/", "").replaceFirst("\\?.*$", "");
      int port = Integer.parseInt(defaultOf(Yamls.str(Yamls.at(yml, "server", "port"))));
      Map<String, String> bindings = new LinkedHashMap<>();
      Yamls.map(Yamls.at(yml, "spring", "cloud", "stream", "bindings"))
          .forEach((binding, spec) -> bindings.put(binding, Yamls.str(Yamls.at(spec, "destination"))));
      String appName = Yamls.str(Yamls.at(yml, "spring", "application", "name"));
      if (!name.equals(appName)) {
        throw new IllegalStateException(name + ": spring.application.name is " + appName);
      }
      services.put(name, new ServiceConfig(name, port, database, bindings));
    }
    return services;
  }

  /** {@code ${ENV:default}} to {@code default}; a plain value stays. */
  static String defaultOf(String value) {
    Matcher m = DEFAULT_VALUE.matcher(value.trim());
    return m.matches() ? m.group(1) : value.trim();
  }
}
