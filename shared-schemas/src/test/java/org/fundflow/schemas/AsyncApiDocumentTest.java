package org.fundflow.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * asyncapi.yaml (AsyncAPI 3.0) describes exactly the suite as it is: its channels are the topics of
 * infra/kafka/topics.txt (partitions, retention, cleanup policy included); its receive operations are the
 * bindings of every service's application.yml (destination, consumer group); its send operations are the
 * producers' topic constants (adapter/out/kafka) and the binder's dead-letter topics; its messages are the
 * schema files (payload $ref by relative path, resolving), on the topics EVENTS.md puts them on, with
 * the CloudEvents headers the platform writes. And it is a valid AsyncAPI 3.0.0 document.
 */
class AsyncApiDocumentTest {

    // surefire runs in the module directory
    static final Path MODULE = Path.of("").toAbsolutePath();
    static final Path ROOT = MODULE.getParent();
    static final Path DOCUMENT = MODULE.resolve("asyncapi.yaml");
    static final YAMLMapper YAML = YAMLMapper.builder().build();

    static final Map<String, String> CONTEXT_OF_PRODUCER = Map.of(
            "project-intake", "intake", "milestone-review", "milestone",
            "post-subsidy", "subsidy", "integrity-check", "integrity");

    /** A topic of topics.txt. */
    record Topic(String name, int partitions, long retentionMs, String cleanupPolicy) {
    }

    /** A consumer binding of a service's application.yml. */
    record Binding(String service, String binding, String destination, String group) {
    }

    static JsonNode doc;

    @BeforeAll
    static void read() throws IOException {
        doc = YAML.readTree(Files.readString(DOCUMENT, StandardCharsets.UTF_8));
    }

    @Test
    void isAValidAsyncApi300Document() throws IOException {
        assertThat(doc.path("asyncapi").asString()).isEqualTo("3.0.0");
        JsonNode metaSchema;
        try (InputStream in = getClass().getResourceAsStream("/asyncapi/asyncapi-3.0.0.schema.json")) {
            metaSchema = EventContracts.MAPPER.readTree(in);
        }
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(metaSchema);
        assertThat(schema.validate(doc)).as("errors against the AsyncAPI 3.0.0 JSON Schema").isEmpty();
    }

    @Test
    void everyLocalReferenceResolves() {
        List<String> unresolved = new ArrayList<>();
        refs(doc).stream().filter(ref -> ref.startsWith("#"))
                .filter(ref -> doc.at(ref.substring(1)).isMissingNode())
                .forEach(unresolved::add);
        assertThat(unresolved).isEmpty();
    }

    @Test
    void theChannelsAreExactlyTheTopicsOfTopicsTxt() {
        Map<String, Topic> topics = topics();
        Map<String, JsonNode> channels = channelsByAddress();
        assertThat(channels.keySet()).as("channel addresses").isEqualTo(topics.keySet());
        topics.values().forEach(t -> {
            JsonNode kafka = channels.get(t.name()).path("bindings").path("kafka");
            assertThat(kafka.path("topic").asString()).as(t.name()).isEqualTo(t.name());
            assertThat(kafka.path("partitions").asInt()).as(t.name() + " partitions").isEqualTo(t.partitions());
            assertThat(kafka.path("topicConfiguration").path("retention.ms").asLong()).as(t.name() + " retention.ms")
                    .isEqualTo(t.retentionMs());
            assertThat(kafka.path("topicConfiguration").path("cleanup.policy").values().stream().map(JsonNode::asString)
                    .collect(Collectors.joining(","))).as(t.name() + " cleanup.policy").isEqualTo(t.cleanupPolicy());
        });
    }

    @Test
    void theReceiveOperationsAreExactlyTheBindingsOfTheServices() {
        Set<String> expected = new TreeSet<>();
        for (Binding b : bindings()) {
            expected.add(b.service() + " " + b.binding() + " " + b.destination() + " group " + b.group());
        }
        Set<String> documented = new TreeSet<>();
        operations("receive").forEach((id, op) -> documented.add(op.path("x-fundflow-service").asString() + " "
                + op.path("x-fundflow-binding").asString() + " " + address(op) + " group "
                + op.path("bindings").path("kafka").path("groupId").path("enum").path(0).asString()));
        assertThat(documented).as("receive operations (service binding topic group)").isEqualTo(expected);
    }

    @Test
    void theSendOperationsAreTheProducersTopicConstantsAndTheDeadLetterTopics() throws IOException {
        Set<String> expected = new TreeSet<>();
        for (Map.Entry<String, Set<String>> producer : publishedTopics().entrySet()) {
            producer.getValue().forEach(topic -> expected.add(producer.getKey() + " " + topic));
        }
        bindings().stream().map(Binding::service).distinct().forEach(s -> expected.add(s + " " + s + ".dlq"));
        Set<String> documented = new TreeSet<>();
        operations("send").forEach((id, op) -> documented.add(op.path("x-fundflow-service").asString() + " " + address(op)));
        assertThat(documented).as("send operations (service topic)").isEqualTo(expected);
        // one writer per topic
        Map<String, Long> writers = operations("send").values().stream()
                .collect(Collectors.groupingBy(AsyncApiDocumentTest::address, TreeMap::new, Collectors.counting()));
        assertThat(writers).allSatisfy((topic, count) -> assertThat(count).as(topic).isEqualTo(1L));
    }

    @Test
    void theMessagesAreExactlyTheSchemaFilesAndTheirPayloadReferencesResolve() {
        Set<Path> schemaFiles = EventContracts.schemaFiles().stream()
                .map(f -> sourceSchemas().resolve(EventContracts.schemasRoot().relativize(f)).normalize())
                .collect(Collectors.toCollection(TreeSet::new));
        Set<Path> referenced = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        doc.path("components").path("messages").properties().forEach(entry -> {
            JsonNode payload = entry.getValue().path("payload");
            String ref = payload.path("$ref").asString("");
            if (ref.isEmpty() || ref.startsWith("#")) {
                return; // inline payload (the dead letters): no schema file
            }
            String file = ref.contains("#") ? ref.substring(0, ref.indexOf('#')) : ref;
            Path target = MODULE.resolve(file).normalize();
            if (!Files.isRegularFile(target)) {
                problems.add(entry.getKey() + ": payload $ref " + ref + " does not resolve");
                return;
            }
            if (ref.contains("#") && EventContracts.read(target).at(ref.substring(ref.indexOf('#') + 1)).isMissingNode()) {
                problems.add(entry.getKey() + ": payload $ref " + ref + " names no part of the file");
            }
            if (!referenced.add(target)) {
                problems.add(entry.getKey() + ": a second message for " + file);
            }
        });
        assertThat(problems).isEmpty();
        assertThat(referenced).as("payload schema files").isEqualTo(schemaFiles);
    }

    /** Each message: named after its schema, with the ce_type, ce_source and ce_dataschema the platform writes. */
    @Test
    void everyMessageCarriesTheCloudEventsHeadersOfItsEvent() {
        List<String> problems = new ArrayList<>();
        for (String schemaKey : EventCatalogueTest.schemaKeys()) {
            String producer = schemaKey.substring(0, schemaKey.indexOf('/'));
            String file = schemaKey.substring(schemaKey.indexOf('/') + 1);
            String version = file.substring(file.lastIndexOf('.') + 1);
            JsonNode message = doc.path("components").path("messages").path(file);
            if (message.isMissingNode()) {
                problems.add(schemaKey + ": no message " + file + " in components.messages");
                continue;
            }
            JsonNode headers = message.path("headers");
            String expectedType = "fundflow." + CONTEXT_OF_PRODUCER.get(producer) + "." + EventContracts.eventName(schemaKey) + "." + version;
            check(problems, schemaKey, "payload", message.path("payload").path("$ref").asString(),
                    "./src/main/resources/schemas/" + schemaKey + ".schema.json");
            check(problems, schemaKey, "name", message.path("name").asString(), EventContracts.eventName(schemaKey));
            check(problems, schemaKey, "headers $ref", headers.path("allOf").path(0).path("$ref").asString(),
                    "#/components/schemas/cloudEventsHeaders");
            JsonNode own = headers.path("allOf").path(1).path("properties");
            check(problems, schemaKey, "ce_type", own.path("ce_type").path("const").asString(), expectedType);
            check(problems, schemaKey, "ce_source", own.path("ce_source").path("const").asString(), "/fundflow/" + producer);
            check(problems, schemaKey, "ce_dataschema", own.path("ce_dataschema").path("const").asString(), schemaKey + ".schema.json");
            check(problems, schemaKey, "key", message.path("bindings").path("kafka").path("key").path("type").asString(), "string");
            String example = message.path("x-fundflow-example").asString("");
            if (!Files.isRegularFile(MODULE.resolve(example))) {
                problems.add(schemaKey + ": x-fundflow-example " + example + " is not a file");
            }
        }
        Set<String> required = new TreeSet<>();
        doc.at("/components/schemas/cloudEventsHeaders/required").values().forEach(n -> required.add(n.asString()));
        assertThat(required).containsExactlyInAnyOrder("ce_specversion", "ce_id", "ce_type", "ce_source", "ce_time");
        assertThat(doc.at("/components/schemas/cloudEventsHeaders/properties").propertyNames())
                .contains("ce_subject", "ce_dataschema", "ce_correlationid", "content-type", "traceparent");
        assertThat(problems).isEmpty();
    }

    /** The events of a topic are those EVENTS.md lists under it; the writer of a topic publishes only its own schemas. */
    @Test
    void eachChannelCarriesTheEventsOfItsTopicInTheCatalogue() throws IOException {
        Map<String, Set<String>> catalogue = catalogueTopics();
        Map<String, Set<String>> documented = new TreeMap<>();
        channelsByAddress().forEach((address, channel) -> {
            if (!address.endsWith(".dlq")) {
                documented.put(address, new TreeSet<>(channel.path("messages").propertyNames()));
            }
        });
        assertThat(documented).isEqualTo(catalogue);
        List<String> problems = new ArrayList<>();
        operations("send").forEach((id, op) -> {
            String service = op.path("x-fundflow-service").asString();
            for (JsonNode m : op.path("messages").values()) {
                String payload = resolve(resolve(m).path("$ref").asString("")).path("payload").path("$ref").asString("");
                if (!payload.isEmpty() && !payload.startsWith("./src/main/resources/schemas/" + service + "/")) {
                    problems.add(id + ": " + service + " sends " + payload + ", a schema of another producer");
                }
            }
        });
        assertThat(problems).isEmpty();
    }

    private static void check(List<String> problems, String key, String what, String actual, String expected) {
        if (!expected.equals(actual)) {
            problems.add(key + ": " + what + " is " + actual + ", expected " + expected);
        }
    }

    // ---- the suite as it is

    static Path sourceSchemas() {
        return MODULE.resolve("src/main/resources/schemas");
    }

    static Map<String, Topic> topics() {
        Map<String, Topic> topics = new TreeMap<>();
        for (String line : lines(ROOT.resolve("infra/kafka/topics.txt"))) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            String[] f = l.split("\\s+");
            topics.put(f[0], new Topic(f[0], Integer.parseInt(f[1]), Long.parseLong(f[2]), f[3]));
        }
        assertThat(topics).isNotEmpty();
        return topics;
    }

    /** The consumer bindings of every service (every services/x/src/main/resources/application.yml). */
    static List<Binding> bindings() {
        List<Binding> bindings = new ArrayList<>();
        for (Path yml : serviceConfigs()) {
            JsonNode config = YAML.readTree(String.join("\n", lines(yml)));
            String service = config.at("/spring/application/name").asString();
            config.at("/spring/cloud/stream/bindings").properties().forEach(b -> bindings.add(new Binding(service, b.getKey(),
                    b.getValue().path("destination").asString(), b.getValue().path("group").asString())));
        }
        assertThat(bindings).isNotEmpty();
        return bindings;
    }

    static List<Path> serviceConfigs() {
        try (Stream<Path> services = Files.list(ROOT.resolve("services"))) {
            return services.map(s -> s.resolve("src/main/resources/application.yml")).filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final Pattern TOPIC_CONSTANT = Pattern.compile("static final String \\w*TOPIC\\w* = \"([^\"]+)\"");

    /** service -> the topics it publishes: the {@code ..TOPIC.. = "..."} constants of its adapter/out/kafka code. */
    static Map<String, Set<String>> publishedTopics() throws IOException {
        Map<String, Set<String>> published = new TreeMap<>();
        for (Path yml : serviceConfigs()) {
            Path service = yml.getParent().getParent().getParent().getParent();
            String name = YAML.readTree(String.join("\n", lines(yml))).at("/spring/application/name").asString();
            try (Stream<Path> files = Files.walk(service.resolve("src/main/java"))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java"))
                        .filter(p -> p.toString().replace('\\', '/').contains("/adapter/out/kafka/")).toList()) {
                    Matcher m = TOPIC_CONSTANT.matcher(Files.readString(f, StandardCharsets.UTF_8));
                    while (m.find()) {
                        published.computeIfAbsent(name, n -> new TreeSet<>()).add(m.group(1));
                    }
                }
            }
        }
        assertThat(published).isNotEmpty();
        return published;
    }

    /** topic -> events ("event.vN") listed under "## Topic `topic`" in EVENTS.md. */
    static Map<String, Set<String>> catalogueTopics() throws IOException {
        Pattern heading = Pattern.compile("^## Topic `([^`]+)`");
        Pattern entry = Pattern.compile("^- `([a-z]+(?:-[a-z]+)*)(?:\\.(v[1-9][0-9]*))?`:");
        Map<String, Set<String>> topics = new TreeMap<>();
        String current = null;
        for (String line : lines(MODULE.resolve("EVENTS.md"))) {
            Matcher h = heading.matcher(line);
            if (h.find()) {
                current = h.group(1);
                topics.put(current, new TreeSet<>());
            } else if (line.startsWith("## ")) {
                current = null;
            } else if (current != null) {
                Matcher e = entry.matcher(line);
                if (e.find()) {
                    topics.get(current).add(e.group(1) + "." + (e.group(2) == null ? "v1" : e.group(2)));
                }
            }
        }
        return topics;
    }

    // ---- the document

    static Map<String, JsonNode> channelsByAddress() {
        Map<String, JsonNode> channels = new TreeMap<>();
        doc.path("channels").properties().forEach(c -> {
            String address = c.getValue().path("address").asString();
            assertThat(channels.put(address, c.getValue())).as("channel address %s twice", address).isNull();
        });
        return channels;
    }

    static Map<String, JsonNode> operations(String action) {
        Map<String, JsonNode> operations = new LinkedHashMap<>();
        doc.path("operations").properties().forEach(o -> {
            if (action.equals(o.getValue().path("action").asString())) {
                operations.put(o.getKey(), o.getValue());
            }
        });
        return operations;
    }

    static String address(JsonNode operation) {
        return resolve(operation.path("channel")).path("address").asString("(unresolved " + operation.path("channel") + ")");
    }

    /** The node a {"$ref": "#/..."} object (or such a reference string) points to; a missing node when it points nowhere. */
    static JsonNode resolve(JsonNode reference) {
        return resolve(reference.path("$ref").asString(""));
    }

    static JsonNode resolve(String ref) {
        return ref.startsWith("#") ? doc.at(ref.substring(1)) : doc.path("no such node");
    }

    static List<String> refs(JsonNode node) {
        List<String> refs = new ArrayList<>();
        if (node.isObject()) {
            node.properties().forEach(e -> {
                if (e.getKey().equals("$ref") && e.getValue().isString()) {
                    refs.add(e.getValue().asString());
                } else {
                    refs.addAll(refs(e.getValue()));
                }
            });
        } else if (node.isArray()) {
            node.values().forEach(v -> refs.addAll(refs(v)));
        }
        return refs;
    }

    static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
