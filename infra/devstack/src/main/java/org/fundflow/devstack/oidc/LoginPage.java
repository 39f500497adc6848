package org.fundflow.devstack.oidc;

import java.util.List;

/**
 * The provider's login page (a static file mock-oauth2-server serves at its authorization endpoint): one
 * button per demo user. Each form posts back to the same URL (the authorization request) the user name and
 * the user's claims, which the provider puts into the ID and access tokens. Bilingual, with a heading,
 * labelled list and buttons, and no script: usable with a keyboard and a screen reader.
 */
public final class LoginPage {

  private LoginPage() {}

  public static String html(List<DemoUser> users) {
    StringBuilder b = new StringBuilder("""
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>登录 · Log in — Fundflow 本地身份认证 (local identity provider)</title>
        <style>
        body{font-family:"Noto Sans CJK SC","Noto Sans SC",system-ui,sans-serif;margin:0;background:#f6f8fa;color:#1b1f24;line-height:1.5}
        header{background:#1d3557;color:#fff;padding:1rem 1.25rem}
        header p{margin:.25rem 0 0}
        main{max-width:44rem;margin:0 auto;padding:1rem 1.25rem}
        ul{list-style:none;padding:0;margin:0}
        li{margin:.5rem 0}
        form{margin:0}
        button{width:100%;text-align:left;font:inherit;background:#fff;border:1px solid #8a96a3;border-radius:6px;padding:.6rem .9rem;cursor:pointer;color:#1b1f24}
        button:hover{border-color:#1d3557}
        button:focus{outline:3px solid #ffbf47;outline-offset:2px}
        .name{font-weight:700;display:block}
        .meta{color:#46515c;font-size:.9rem;display:block}
        </style>
        </head>
        <body>
        <header>
        <h1>选择演示用户登录 <span lang="en">· Pick a demo user to log in</span></h1>
        <p>本地开发环境的身份认证服务，不需要密码。<span lang="en">Local development identity provider: no passwords.</span></p>
        </header>
        <main>
        <ul aria-label="演示用户 Demo users">
        """);
    for (DemoUser user : users) {
      String label = user.displayName() + " — " + String.join(", ", user.roles())
          + (user.orgCode() == null ? "" : " — " + user.orgName() + " (" + user.orgCode() + ")");
      b.append("<li><form method=\"post\">")
          .append("<input type=\"hidden\" name=\"username\" value=\"").append(escape(user.username())).append("\">")
          .append("<input type=\"hidden\" name=\"claims\" value=\"").append(escape(OidcProvider.json(OidcProvider.loginClaims(user))))
          .append("\">")
          .append("<button type=\"submit\" data-user=\"").append(escape(user.username())).append("\" aria-label=\"")
          .append(escape(label)).append("\">")
          .append("<span class=\"name\">").append(escape(user.displayName())).append("</span>")
          .append("<span class=\"meta\">").append(escape(user.username())).append(" · ")
          .append(escape(String.join(", ", user.roles())))
          .append(user.orgCode() == null ? "" : " · " + escape(user.orgName()) + " · " + escape(user.orgCode()))
          .append("</span></button></form></li>\n");
    }
    return b.append("</ul>\n</main>\n</body>\n</html>\n").toString();
  }

  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
        .replace("'", "&#39;");
  }
}
