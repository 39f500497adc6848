package org.fundflow.portal.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Both languages have the same keys, and every problem slug of the services' TYPE_BASE that the portal names exists. */
class MessagesTest {

  @Test
  void chineseAndEnglishHaveTheSameKeys() throws Exception {
    Properties zh = load("messages_zh_CN.properties");
    Properties en = load("messages_en.properties");
    assertThat(zh.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(en.stringPropertyNames());
    zh.forEach((k, v) -> assertThat((String) v).as(String.valueOf(k)).isNotBlank());
  }

  @Test
  void theChineseTextsAreChinese() throws Exception {
    Properties zh = load("messages_zh_CN.properties");
    Pattern han = Pattern.compile("\\p{IsHan}");
    long chinese = zh.values().stream().map(String::valueOf).filter(v -> han.matcher(v).find()).count();
    // all but the language names and pure placeholders
    assertThat(chinese).isGreaterThan(zh.size() - 5);
  }

  @Test
  void everyTemplateMessageKeyExists() throws Exception {
    Properties zh = load("messages_zh_CN.properties");
    Pattern key = Pattern.compile("#\\{([a-zA-Z][\\w.-]*)[}(]");
    for (String template : new String[] {"layout.html", "login.html", "home.html", "not-found.html", "unavailable.html",
        "problem.html", "error/error.html", "fragments.html", "applicant/dashboard.html", "applicant/programs.html",
        "applicant/proposals.html", "applicant/proposal.html"}) {
      String html = new String(resource("templates/" + template).readAllBytes(), StandardCharsets.UTF_8);
      Matcher m = key.matcher(html);
      while (m.find()) {
        assertThat(zh).as(template + " uses " + m.group(1)).containsKey(m.group(1));
      }
    }
  }

  private static Properties load(String name) throws Exception {
    Properties p = new Properties();
    try (InputStreamReader r = new InputStreamReader(resource(name), StandardCharsets.UTF_8)) {
      p.load(r);
    }
    return p;
  }

  private static InputStream resource(String name) {
    InputStream in = MessagesTest.class.getClassLoader().getResourceAsStream(name);
    assertThat(in).as(name).isNotNull();
    return in;
  }
}
