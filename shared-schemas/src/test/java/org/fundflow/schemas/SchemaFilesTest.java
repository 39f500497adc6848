package org.fundflow.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** Every schema file is a valid, self-contained 2020-12 schema that follows the data conventions of README.md. */
class SchemaFilesTest {

    static List<Path> schemaFiles() {
        return EventContracts.schemaFiles();
    }

    @Test
    void thereAreSchemasForEveryProducer() {
        assertThat(schemaFiles()).hasSizeGreaterThanOrEqualTo(23);
        assertThat(schemaFiles().stream().map(f -> EventContracts.schemasRoot().relativize(f).getName(0).toString()).distinct())
                .containsExactlyInAnyOrderElementsOf(EventContracts.PRODUCERS);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemaFiles")
    void isAValid202012Schema(Path file) {
        JsonNode schema = EventContracts.read(file);
        assertThat(EventContracts.metaSchema().validate(schema)).as("meta-schema errors").isEmpty();
        // and the validator can compile it (e.g. all $refs resolve)
        EventContracts.schema(EventContracts.schemaKey(file));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemaFiles")
    void hasTheMandatoryHeader(Path file) {
        String key = EventContracts.schemaKey(file);
        assertThat(EventContracts.PRODUCERS).contains(key.substring(0, key.indexOf('/')));
        JsonNode schema = EventContracts.read(file);
        assertThat(schema.path("$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.path("$id").asString()).isEqualTo(EventContracts.ID_BASE + key + ".schema.json");
        assertThat(schema.path("title").asString()).isNotBlank();
        assertThat(schema.path("description").asString()).isNotBlank();
        assertThat(schema.path("type").asString()).isEqualTo("object");
        assertThat(schema.path("additionalProperties").isBoolean() && schema.path("additionalProperties").booleanValue())
                .as("additionalProperties: true (additive evolution)").isTrue();
        assertThat(schema.path("required").isArray()).isTrue();
        assertThat(schema.path("required").size()).isPositive();
        for (JsonNode required : schema.path("required")) {
            assertThat(schema.path("properties").has(required.asString()))
                    .as("required field %s is declared in properties", required.asString()).isTrue();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemaFiles")
    void isSelfContained(Path file) {
        JsonNode schema = EventContracts.read(file);
        List<String> refs = new ArrayList<>();
        collectRefs(schema, refs);
        for (String ref : refs) {
            assertThat(ref).as("only local $refs").startsWith("#/$defs/");
            assertThat(schema.at(ref.substring(1)).isMissingNode()).as("%s resolves", ref).isFalse();
        }
    }

    /** Money is integer fen, percentages 0..100, instants and dates have formats, codes and hashes have patterns. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("schemaFiles")
    void followsTheFieldConventions(Path file) {
        JsonNode root = EventContracts.read(file);
        List<String> violations = new ArrayList<>();
        checkDeclarations(root, root, "#", violations);
        root.path("$defs").properties().forEach(e -> checkDeclarations(root, e.getValue(), "#/$defs/" + e.getKey(), violations));
        assertThat(violations).isEmpty();
    }

    private static void checkDeclarations(JsonNode root, JsonNode schema, String where, List<String> violations) {
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            String name = property.getKey();
            JsonNode declared = resolve(root, property.getValue());
            String at = where + "/properties/" + name;
            if (name.endsWith("Fen")) {
                expect(declared.path("type").asString().equals("integer") && declared.path("minimum").isNumber()
                        && declared.path("minimum").asLong() >= 0, at + ": money must be an integer >= 0", violations);
            }
            if (name.endsWith("Percent")) {
                expect(declared.path("type").asString().equals("integer") && declared.path("minimum").asInt(-1) == 0
                        && declared.path("maximum").asInt(-1) == 100, at + ": percent must be an integer 0..100", violations);
            }
            if (name.endsWith("BasisPoints")) {
                expect(declared.path("type").asString().equals("integer"), at + ": basis points must be an integer", violations);
            }
            if (name.endsWith("At") || name.equals("rectifyBy")) {
                expect(declared.path("format").asString().equals("date-time"), at + ": instants need format date-time", violations);
            }
            if (name.endsWith("Date")) {
                expect(declared.path("format").asString().equals("date"), at + ": dates need format date", violations);
            }
            if (name.equals("organisationCode") || name.endsWith("OrganisationCode")) {
                expect(declared.path("pattern").asString().equals(EventContracts.ORGANISATION_CODE_PATTERN),
                        at + ": organisation code pattern", violations);
            }
            if (name.endsWith("OrganisationCodes")) {
                expect(resolve(root, declared.path("items")).path("pattern").asString().equals(EventContracts.ORGANISATION_CODE_PATTERN),
                        at + ": organisation code pattern for items", violations);
            }
            if (name.endsWith("IdHash")) {
                expect(declared.path("pattern").asString().equals("^[0-9a-f]{64}$"), at + ": 64 lowercase hex", violations);
            }
            if (name.endsWith("Id") && !name.equals("maskedId")) {
                expect(declared.path("type").asString().equals("string") && declared.path("minLength").asInt(0) >= 1,
                        at + ": ids are non-empty strings", violations);
            }
            if (name.endsWith("Ids")) {
                JsonNode items = resolve(root, declared.path("items"));
                expect(items.path("type").asString().equals("string") && items.path("minLength").asInt(0) >= 1,
                        at + ": ids are non-empty strings", violations);
            }
            checkDeclarations(root, declared, at, violations);
            if (declared.has("items")) {
                checkDeclarations(root, resolve(root, declared.path("items")), at + "/items", violations);
            }
        }
    }

    private static JsonNode resolve(JsonNode root, JsonNode schema) {
        JsonNode current = schema;
        while (current.has("$ref")) {
            current = root.at(current.path("$ref").asString().substring(1));
        }
        return current;
    }

    private static void expect(boolean ok, String violation, List<String> violations) {
        if (!ok) {
            violations.add(violation);
        }
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            node.properties().forEach(e -> {
                if (e.getKey().equals("$ref")) {
                    refs.add(e.getValue().asString());
                } else {
                    collectRefs(e.getValue(), refs);
                }
            });
        } else if (node.isArray()) {
            node.values().forEach(child -> collectRefs(child, refs));
        }
    }
}
