package org.fundflow.devstack;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.fundflow.devstack.oidc.DemoUser;

/**
 * Checks a running dev stack from the outside: a Kafka round trip, a store write (and how many
 * earlier smoke writes survived), and a token with the right claims for every demo user.
 *
 * <pre>java -cp ... org.fundflow.devstack.SmokeCheck</pre>
 */
public final class SmokeCheck {

  private SmokeCheck() {}

  public static void main(String[] args) throws Exception {
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", "logback-devstack.xml");
    }
    boolean ok = kafka() & store() & tokens();
    System.out.println(ok ? "SMOKE CHECK PASSED" : "SMOKE CHECK FAILED");
    System.exit(ok ? 0 : 1);
  }

  static boolean kafka() {
    String topic = "devstack.smoke";
    String value = "smoke-" + UUID.randomUUID();
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092");
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    long start = System.nanoTime();
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
      RecordMetadata meta = producer.send(new ProducerRecord<>(topic, "smoke", value)).get();
      Properties c = new Properties();
      c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092");
      c.put(ConsumerConfig.GROUP_ID_CONFIG, "devstack-smoke-" + UUID.randomUUID());
      c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
      c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
      c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
      try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(c)) {
        consumer.subscribe(List.of(topic));
        long deadline = System.currentTimeMillis() + 30_000;
        long total = 0;
        boolean found = false;
        while (System.currentTimeMillis() < deadline && !found) {
          for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
            total++;
            found |= r.value().equals(value);
          }
        }
        int partitions = consumer.partitionsFor(topic).size();
        System.out.printf("kafka: produced to %s-%d@%d, consumed it back: %s (%d records in the topic read, %d partitions) in %d ms%n",
            topic, meta.partition(), meta.offset(), found, total, partitions, Child.millisSince(start));
        return found;
      }
    } catch (Exception e) {
      System.out.println("kafka: FAILED " + e);
      return false;
    }
  }

  static boolean store() {
    try (MongoClient client = MongoClients.create("mongodb://localhost:27017")) {
      MongoCollection<Document> smoke = client.getDatabase("fundflow_devstack").getCollection("smoke");
      long before = smoke.countDocuments();
      smoke.insertOne(new Document("at", Instant.now().toString()));
      long after = smoke.countDocuments();
      System.out.printf("store: fundflow_devstack.smoke had %d documents (earlier smoke checks), now %d%n", before, after);
      return after == before + 1;
    } catch (Exception e) {
      System.out.println("store: FAILED " + e);
      return false;
    }
  }

  static boolean tokens() {
    HttpClient http = HttpClient.newHttpClient();
    boolean ok = true;
    for (DemoUser user : DemoUser.all()) {
      try {
        String form = "grant_type=client_credentials&client_id=" + user.username() + "&client_secret=x&scope=fundflow";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(DevStack.ISSUER + "/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
            HttpResponse.BodyHandlers.ofString());
        String token = response.body().replaceAll(".*\"access_token\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        boolean good = response.statusCode() == 200
            && payload.contains("\"sub\":\"" + user.username() + "\"")
            && payload.contains("\"roles\":[\"" + user.roles().get(0) + "\"]")
            && payload.contains("\"iss\":\"" + DevStack.ISSUER + "\"")
            && (user.orgCode() == null || payload.contains("\"org_code\":\"" + user.orgCode() + "\""));
        System.out.printf("token %-18s %s %s%n", user.username(), good ? "ok " : "BAD", payload);
        ok &= good;
      } catch (Exception e) {
        System.out.println("token " + user.username() + ": FAILED " + e);
        ok = false;
      }
    }
    return ok;
  }
}
