package org.fundflow.portal.client;

import java.net.URI;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A service's problem {@code type} (https://fundflow.org/problems/&lt;slug&gt;) → the message key
 * {@code problem.<slug>} when the portal has a text for it, else {@code problem.status.<status>}, else
 * {@code problem.generic}. The service's own title and detail (English, technical) are never shown.
 */
@Component
public class ProblemMessages {

  public static final String TYPE_BASE = "https://fundflow.org/problems/";

  private final MessageSource messages;

  public ProblemMessages(MessageSource messages) {
    this.messages = messages;
  }

  public String key(ServiceProblem problem) {
    return key(problem.type(), problem.status());
  }

  public String key(URI type, int status) {
    if (type != null && type.toString().startsWith(TYPE_BASE)) {
      String key = "problem." + type.toString().substring(TYPE_BASE.length());
      if (known(key)) {
        return key;
      }
    }
    String byStatus = "problem.status." + status;
    return known(byStatus) ? byStatus : "problem.generic";
  }

  private boolean known(String key) {
    // the default bundle (zh-CN) has every key the English one has: checked by a test
    return messages.getMessage(key, null, null, Locale.SIMPLIFIED_CHINESE) != null;
  }
}
