package org.fundflow.portal.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.fundflow.portal.config.MessagesConfig;
import org.junit.jupiter.api.Test;

/** Both languages have the same keys in every bundle, and every key a template names exists. */
class MessagesTest {

  @Test
  void chineseAndEnglishHaveTheSameKeys() throws Exception {
    for (String bundle : MessagesConfig.BUNDLES) {
      Properties zh = load(bundle + "_zh_CN.properties");
      Properties en = load(bundle + "_en.properties");
      assertThat(zh.stringPropertyNames()).as(bundle).containsExactlyInAnyOrderElementsOf(en.stringPropertyNames());
      zh.forEach((k, v) -> assertThat((String) v).as(bundle + ": " + k).isNotBlank());
      en.forEach((k, v) -> assertThat((String) v).as(bundle + ": " + k).isNotBlank());
    }
  }

  @Test
  void noKeyIsDefinedInTwoBundles() throws Exception {
    Properties seen = new Properties();
    for (String bundle : MessagesConfig.BUNDLES) {
      Properties zh = load(bundle + "_zh_CN.properties");
      for (String key : zh.stringPropertyNames()) {
        assertThat(seen).as(key + " in " + bundle + " and " + seen.get(key)).doesNotContainKey(key);
        seen.put(key, bundle);
      }
    }
  }

  @Test
  void theChineseTextsAreChinese() throws Exception {
    Properties zh = all("_zh_CN.properties");
    Pattern han = Pattern.compile("\\p{IsHan}");
    long chinese = zh.values().stream().map(String::valueOf).filter(v -> han.matcher(v).find()).count();
    // all but the language names and pure placeholders
    assertThat(chinese).isGreaterThan(zh.size() - 5);
  }

  @Test
  void everyTemplateMessageKeyExists() throws Exception {
    Properties zh = all("_zh_CN.properties");
    Pattern key = Pattern.compile("#\\{([a-zA-Z][\\w.-]*)[}(]");
    Path templates = Path.of("src/main/resources/templates");
    List<Path> files;
    try (Stream<Path> walk = Files.walk(templates)) {
      files = walk.filter(f -> f.toString().endsWith(".html")).toList();
    }
    assertThat(files).hasSizeGreaterThan(10);
    for (Path template : files) {
      String html = Files.readString(template, StandardCharsets.UTF_8);
      Matcher m = key.matcher(html);
      while (m.find()) {
        assertThat(zh).as(templates.relativize(template) + " uses " + m.group(1)).containsKey(m.group(1));
      }
    }
  }

  private static Properties all(String suffix) throws Exception {
    Properties p = new Properties();
    for (String bundle : MessagesConfig.BUNDLES) {
      p.putAll(load(bundle + suffix));
    }
    return p;
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
