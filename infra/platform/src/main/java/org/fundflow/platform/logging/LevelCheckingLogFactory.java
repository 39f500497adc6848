package org.fundflow.platform.logging;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.commons.logging.impl.Slf4jLogFactory;

/**
 * Commons Logging to SLF4J, as commons-logging's own {@link Slf4jLogFactory}, except that a message is turned into
 * text only when its level is on. Found with a profile of the portal (issue 14 point 9): commons-logging 1.3.6's
 * SLF4J bridge calls {@code String.valueOf(message)} before SLF4J checks the level, so every lazy
 * {@code LogMessage} of Spring Security's filters (which prints the whole security context, the user's claims
 * included) was rendered on every request and thrown away: ~7 % of the portal's request CPU. The same regression
 * is spring-projects/spring-framework#37266 (Spring 7 moved from spring-jcl to commons-logging). Chosen by
 * commons-logging's ServiceLoader lookup (META-INF/services), so every service and the portal use it.
 */
public final class LevelCheckingLogFactory extends LogFactory {

  private final LogFactory delegate = new Slf4jLogFactory();
  private final Map<String, Log> logs = new ConcurrentHashMap<>();

  @Override
  public Log getInstance(String name) {
    return logs.computeIfAbsent(name, n -> new LevelCheckingLog(delegate.getInstance(n)));
  }

  @Override
  public Log getInstance(Class<?> type) {
    return getInstance(type.getName());
  }

  @Override
  public Object getAttribute(String name) {
    return delegate.getAttribute(name);
  }

  @Override
  public String[] getAttributeNames() {
    return delegate.getAttributeNames();
  }

  @Override
  public void release() {
    logs.clear();
    delegate.release();
  }

  @Override
  public void removeAttribute(String name) {
    delegate.removeAttribute(name);
  }

  @Override
  public void setAttribute(String name, Object value) {
    delegate.setAttribute(name, value);
  }
}
