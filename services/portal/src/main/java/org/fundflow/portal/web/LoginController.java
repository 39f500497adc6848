package org.fundflow.portal.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The portal's own landing page for people who are not logged in: why, and one button to the identity provider. */
@Controller
public class LoginController {

  @GetMapping("/login")
  String login(@RequestParam(required = false) String error, @RequestParam(required = false) String logout,
      @RequestParam(required = false) String expired, Model model) {
    model.addAttribute("error", error != null);
    model.addAttribute("loggedOut", logout != null);
    model.addAttribute("expired", expired != null);
    return "login";
  }
}
