package org.fundflow.schemas;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Finds the schema and example files of this module (on the test class path, i.e. target/classes)
 * and validates JSON against them. New files are picked up automatically.
 *
 * <pre>
 * schemas/&lt;producer&gt;/&lt;event&gt;.v&lt;N&gt;.schema.json
 * examples/&lt;producer&gt;/&lt;event&gt;.v&lt;N&gt;.json                       current example (exactly one per schema)
 * examples/&lt;producer&gt;/history/&lt;event&gt;.v&lt;N&gt;-&lt;k&gt;.json          older forms, must still validate
 * examples/&lt;producer&gt;/variants/&lt;event&gt;.v&lt;N&gt;-&lt;label&gt;.json     further current examples (e.g. per program kind)
 * </pre>
 */
final class EventContracts {

    static final List<String> PRODUCERS = List.of("project-intake", "milestone-review", "post-subsidy", "integrity-check");
    static final String ID_BASE = "https://fundflow.org/schemas/";
    static final String ORGANISATION_CODE_PATTERN = "^[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}$";

    static final Pattern SCHEMA_FILE = Pattern.compile("([a-z]+(?:-[a-z]+)*)\\.(v[1-9][0-9]*)\\.schema\\.json");
    static final Pattern CURRENT_EXAMPLE_FILE = Pattern.compile("([a-z]+(?:-[a-z]+)*)\\.(v[1-9][0-9]*)\\.json");
    static final Pattern HISTORY_EXAMPLE_FILE = Pattern.compile("([a-z]+(?:-[a-z]+)*)\\.(v[1-9][0-9]*)-[1-9][0-9]*\\.json");
    static final Pattern VARIANT_EXAMPLE_FILE = Pattern.compile("([a-z]+(?:-[a-z]+)*)\\.(v[1-9][0-9]*)-[a-z0-9]+(?:-[a-z0-9]+)*\\.json");

    static final JsonMapper MAPPER = JsonMapper.builder().build();

    /** 2020-12 by default, and {@code format} is asserted (it is only an annotation by default in 2020-12). */
    static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    private static final Map<String, Schema> COMPILED = new ConcurrentHashMap<>();

    private EventContracts() {
    }

    /** An example file and the schema key ("producer/event.vN") it must validate against. */
    record Example(Path file, String kind, String schemaKey) {
        @Override
        public String toString() {
            return kind + ":" + resources().relativize(file);
        }
    }

    static Path resources() {
        URL url = EventContracts.class.getResource("/schemas");
        if (url == null) {
            throw new IllegalStateException("schemas/ is not on the class path");
        }
        try {
            return Path.of(url.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path schemasRoot() {
        return resources().resolve("schemas");
    }

    static Path examplesRoot() {
        return resources().resolve("examples");
    }

    /** All schema files, sorted. */
    static List<Path> schemaFiles() {
        return jsonFiles(schemasRoot());
    }

    /** "producer/event.vN" of a schema file. */
    static String schemaKey(Path schemaFile) {
        Path rel = schemasRoot().relativize(schemaFile);
        Matcher m = SCHEMA_FILE.matcher(rel.getFileName().toString());
        if (rel.getNameCount() != 2 || !m.matches()) {
            throw new IllegalArgumentException("not <producer>/<event>.v<N>.schema.json: " + rel);
        }
        return rel.getName(0) + "/" + m.group(1) + "." + m.group(2);
    }

    static Path schemaFile(String schemaKey) {
        return schemasRoot().resolve(schemaKey + ".schema.json");
    }

    static String eventName(String schemaKey) {
        String file = schemaKey.substring(schemaKey.indexOf('/') + 1);
        return file.substring(0, file.lastIndexOf(".v"));
    }

    /** Every example (current, history, variants), sorted; fails on a file in an unexpected place or with an unexpected name. */
    static List<Example> examples() {
        return jsonFiles(examplesRoot()).stream().map(EventContracts::example).toList();
    }

    static List<Example> currentExamples() {
        return examples().stream().filter(e -> e.kind().equals("current")).toList();
    }

    private static Example example(Path file) {
        Path rel = examplesRoot().relativize(file);
        String producer = rel.getName(0).toString();
        String name = rel.getFileName().toString();
        String kind;
        Pattern pattern;
        if (rel.getNameCount() == 2) {
            kind = "current";
            pattern = CURRENT_EXAMPLE_FILE;
        } else if (rel.getNameCount() == 3 && rel.getName(1).toString().equals("history")) {
            kind = "history";
            pattern = HISTORY_EXAMPLE_FILE;
        } else if (rel.getNameCount() == 3 && rel.getName(1).toString().equals("variants")) {
            kind = "variant";
            pattern = VARIANT_EXAMPLE_FILE;
        } else {
            throw new IllegalArgumentException("unexpected example location: " + rel);
        }
        Matcher m = pattern.matcher(name);
        if (!m.matches()) {
            throw new IllegalArgumentException("unexpected " + kind + " example file name: " + rel);
        }
        return new Example(file, kind, producer + "/" + m.group(1) + "." + m.group(2));
    }

    static JsonNode read(Path file) {
        try {
            return MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode readExample(String schemaKey) {
        return read(examplesRoot().resolve(schemaKey + ".json"));
    }

    static Schema schema(String schemaKey) {
        return COMPILED.computeIfAbsent(schemaKey, key -> {
            Schema schema = REGISTRY.getSchema(read(schemaFile(key)));
            schema.initializeValidators();
            return schema;
        });
    }

    static List<com.networknt.schema.Error> validate(String schemaKey, JsonNode instance) {
        return schema(schemaKey).validate(instance);
    }

    static Schema metaSchema() {
        return REGISTRY.getSchema(SchemaLocation.of(SpecificationVersion.DRAFT_2020_12.getDialectId()));
    }

    private static List<Path> jsonFiles(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** GB 32100-2015 check character of an 18-character unified social credit code. */
    static boolean hasValidCheckCharacter(String code) {
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        int[] weights = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
        if (code.length() != 18) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int value = alphabet.indexOf(code.charAt(i));
            if (value < 0) {
                return false;
            }
            sum += value * weights[i];
        }
        int check = (31 - sum % 31) % 31;
        return code.charAt(17) == alphabet.charAt(check);
    }
}
