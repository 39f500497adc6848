package org.fundflow.portal.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ServerWebExchange;

/**
 * The portal's own landing page for people who are not logged in: why, and one button to the identity provider.
 * {@code ?error} (login failed), {@code ?logout} (after logging out), {@code ?expired} (the session ran out) add a
 * message; they carry no value, so they are read as present or not.
 */
@Controller
public class LoginController {

  @GetMapping("/login")
  String login(ServerWebExchange exchange, Model model) {
    MultiValueMap<String, String> query = exchange.getRequest().getQueryParams();
    model.addAttribute("error", query.containsKey("error"));
    model.addAttribute("loggedOut", query.containsKey("logout"));
    model.addAttribute("expired", query.containsKey("expired"));
    return "login";
  }
}
