package org.fundflow.portal.web;

import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The start page after login: each persona goes to its area (the first of its roles that has pages); roles without
 * pages yet (finance) see their notifications and what is coming.
 */
@Controller
public class HomeController {

  private static final List<Map.Entry<String, String>> AREAS = List.of(
      Map.entry("ROLE_APPLICANT", "/applicant"),
      Map.entry("ROLE_PROGRAM_MANAGER", "/manager/programs"),
      Map.entry("ROLE_INTEGRITY_OFFICER", "/integrity/flags"),
      Map.entry("ROLE_AUDITOR", "/audit"),
      Map.entry("ROLE_EXPERT", "/expert"),
      Map.entry("ROLE_SERVICE_PROVIDER", "/provider"),
      Map.entry("ROLE_FINANCE_OFFICER", "/finance"),
      Map.entry("ROLE_FINANCE_APPROVER", "/finance"));

  @GetMapping("/")
  String home(Authentication authentication) {
    for (Map.Entry<String, String> area : AREAS) {
      if (authentication.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(area.getKey()))) {
        return "redirect:" + area.getValue();
      }
    }
    return "home";
  }
}
