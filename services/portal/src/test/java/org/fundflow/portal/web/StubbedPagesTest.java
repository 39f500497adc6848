package org.fundflow.portal.web;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A page test against stubbed services: {@link #web} drives the portal through its real security chain (bound anew
 * before each test; a subclass's own {@code @BeforeEach} runs after it). The stubs, their properties
 * ({@link PageTests#stubbed}) and their shutdown stay with the test class.
 */
public abstract class StubbedPagesTest {

  @Autowired protected ApplicationContext context;
  protected WebTestClient web;

  @BeforeEach
  void bindClient() {
    web = PageTests.client(context, Duration.ofSeconds(30));
  }
}
