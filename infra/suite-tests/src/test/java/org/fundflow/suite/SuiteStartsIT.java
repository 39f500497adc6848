package org.fundflow.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.fundflow.platform.test.ServiceProcess;
import org.junit.jupiter.api.Test;

/** The four services start as separate processes and report ready (store + binder), secured by default. */
class SuiteStartsIT {

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void everyServiceIsReadyServesItsApiDocsAndRefusesAnonymousCalls() throws Exception {
    RunningSuite suite = RunningSuite.get();
    for (String service : RunningSuite.SERVICES) {
      HttpResponse<String> readiness = get(suite.url(service) + "/actuator/health/readiness");
      assertThat(readiness.statusCode()).as(service).isEqualTo(200);
      assertThat(readiness.body()).contains("\"binders\"").contains("\"mongo\"");
      assertThat(get(suite.url(service) + "/v3/api-docs").statusCode()).as(service + " api docs").isEqualTo(200);
      HttpResponse<String> anonymous = get(suite.url(service) + "/anything-at-all");
      assertThat(anonymous.statusCode()).as(service + " anonymous").isEqualTo(401);
      assertThat(anonymous.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("problem+json"));
    }
  }

  @Test
  void everyServiceRanFromItsBootJarAsUnpackedAtPackageTime() {
    RunningSuite.get();
    for (String service : RunningSuite.SERVICES) {
      // the layout the devstack, the bench and these tests start a service from (issue 20 (e): half the start-up)
      assertThat(ServiceProcess.bootJar(service)).as(service)
          .hasParentRaw(ServiceProcess.repositoryRoot().resolve("services/" + service + "/target/extracted"));
    }
  }

  private HttpResponse<String> get(String url) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
