package org.fundflow.devstack.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A message sent over SMTP to the devstack's mail server lands in its mailbox folder, readable, in Chinese too. */
class MailServerTest {

  @TempDir
  Path mailbox;

  @Test
  void everyMessageReceivedIsSavedAsAnEmlFile() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    try (MailServer server = new MailServer(port, mailbox).start()) {
      send(port, "applicant@example.cn", "您的申请已获资助", "项目“晶界扩散无重稀土高矫顽力钕铁硼磁体”已获资助。");
      send(port, "expert1@example.cn", "Assigned to a panel", "You were assigned to a milestone panel.");

      await().atMost(Duration.ofSeconds(10)).until(() -> files().size() == 2);
      MimeMessage first = read(files().get(0));
      assertThat(first.getSubject()).isEqualTo("您的申请已获资助");
      assertThat(first.getAllRecipients()[0].toString()).isEqualTo("applicant@example.cn");
      assertThat(String.valueOf(first.getContent())).contains("已获资助");
      assertThat(read(files().get(1)).getSubject()).isEqualTo("Assigned to a panel");
    }
  }

  private java.util.List<Path> files() throws Exception {
    try (Stream<Path> list = Files.list(mailbox)) {
      return list.filter(p -> p.toString().endsWith(".eml")).sorted().toList();
    }
  }

  private static MimeMessage read(Path file) throws Exception {
    try (var in = Files.newInputStream(file)) {
      return new MimeMessage(Session.getInstance(new Properties()), in);
    }
  }

  private static void send(int port, String to, String subject, String text) throws Exception {
    Properties props = new Properties();
    props.put("mail.smtp.host", "127.0.0.1");
    props.put("mail.smtp.port", String.valueOf(port));
    MimeMessage message = new MimeMessage(Session.getInstance(props));
    message.setFrom(new InternetAddress("noreply@fundflow.local"));
    message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
    message.setSubject(subject, StandardCharsets.UTF_8.name());
    message.setText(text, StandardCharsets.UTF_8.name());
    Transport.send(message);
  }
}
