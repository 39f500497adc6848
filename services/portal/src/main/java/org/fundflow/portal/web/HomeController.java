package org.fundflow.portal.web;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page after login: each persona goes to its area; roles without pages yet see what is coming. */
@Controller
public class HomeController {

  @GetMapping("/")
  String home(Authentication authentication) {
    boolean applicant = authentication.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_APPLICANT"));
    if (applicant) {
      return "redirect:/applicant";
    }
    boolean manager = authentication.getAuthorities().stream()
        .anyMatch(a -> a.getAuthority().equals("ROLE_PROGRAM_MANAGER"));
    return manager ? "redirect:/manager/programs" : "home";
  }
}
