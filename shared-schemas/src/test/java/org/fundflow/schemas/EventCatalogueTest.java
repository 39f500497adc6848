package org.fundflow.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** EVENTS.md (the catalogue) and the schema files describe the same events. */
class EventCatalogueTest {

    /** Catalogue entries look like "- `proposal-awarded`: proposalId, ..." (v1) or "- `proposal-awarded.v2`: ...". */
    private static final Pattern ENTRY = Pattern.compile("(?m)^- `([a-z]+(?:-[a-z]+)*)(?:\\.(v[1-9][0-9]*))?`:");

    static List<String> schemaKeys() {
        return EventContracts.schemaFiles().stream().map(EventContracts::schemaKey).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemaKeys")
    void theCatalogueDescribesEveryEventThatHasASchema(String schemaKey) throws IOException {
        assertThat(catalogueEvents()).contains(EventContracts.eventName(schemaKey));
    }

    @Test
    void everyEventOfTheCatalogueHasASchema() throws IOException {
        Set<String> withSchema = schemaKeys().stream().map(EventContracts::eventName).collect(Collectors.toCollection(TreeSet::new));
        assertThat(withSchema).containsAll(catalogueEvents());
    }

    /**
     * The top-level fields of the catalogue entry and of the schema agree: fields without "?" are required,
     * fields with "?" are declared but optional, and the schema declares no field the catalogue does not list.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("schemaKeys")
    void theSchemaHasExactlyTheFieldsOfTheCatalogue(String schemaKey) throws IOException {
        String version = schemaKey.substring(schemaKey.lastIndexOf('.') + 1);
        String entry = EventContracts.eventName(schemaKey) + (version.equals("v1") ? "" : "." + version);
        Map<String, Boolean> fields = catalogueFields().get(entry);
        assertThat(fields).as("catalogue entry").isNotNull();
        JsonNode schema = EventContracts.read(EventContracts.schemaFile(schemaKey));
        Set<String> required = new TreeSet<>();
        schema.path("required").values().forEach(f -> required.add(f.asString()));
        Set<String> mandatory = new TreeSet<>();
        Set<String> optional = new TreeSet<>();
        fields.forEach((name, isOptional) -> (isOptional ? optional : mandatory).add(name));

        assertThat(required).as("required = catalogue fields without ?").isEqualTo(mandatory);
        assertThat(new TreeSet<>(schema.path("properties").propertyNames()))
                .as("declared = catalogue fields").isEqualTo(union(mandatory, optional));
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    /** event -> (top-level field -> optional?), parsed from the catalogue entries. */
    static Map<String, Map<String, Boolean>> catalogueFields() throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        String current = null;
        for (String line : catalogue().split("\\R")) {
            Matcher m = ENTRY.matcher(line);
            if (m.find()) {
                current = m.group(1) + (m.group(2) == null || m.group(2).equals("v1") ? "" : "." + m.group(2));
                entries.put(current, line.substring(m.end()));
            } else if (current != null && line.startsWith("  ")) {
                entries.merge(current, " " + line.trim(), String::concat);
            } else {
                current = null;
            }
        }
        Map<String, Map<String, Boolean>> fields = new LinkedHashMap<>();
        Pattern sameAs = Pattern.compile("the same full state as ([a-z-]+)");
        Pattern field = Pattern.compile("^([a-z][A-Za-z0-9]*)(\\?)?$");
        entries.forEach((event, text) -> {
            String flat = stripGroups(stripGroups(stripGroups(text, '(', ')'), '{', '}'), '[', ']').replaceAll("\\.\\s*$", "");
            Map<String, Boolean> eventFields = new LinkedHashMap<>();
            for (String token : flat.split(",")) {
                String t = token.trim();
                Matcher inherit = sameAs.matcher(t);
                if (inherit.matches()) {
                    eventFields.putAll(fields.get(inherit.group(1)));
                    continue;
                }
                Matcher f = field.matcher(t);
                assertThat(f.matches()).as("catalogue entry %s: cannot read field '%s'", event, t).isTrue();
                eventFields.put(f.group(1), f.group(2) != null);
            }
            fields.put(event, eventFields);
        });
        return fields;
    }

    /** Removes balanced open...close groups (with their content). */
    private static String stripGroups(String text, char open, char close) {
        StringBuilder out = new StringBuilder();
        int depth = 0;
        for (char c : text.toCharArray()) {
            if (c == open) {
                depth++;
            } else if (c == close) {
                depth--;
            } else if (depth == 0) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String catalogue() throws IOException {
        // surefire runs in the module directory
        return Files.readString(Path.of("EVENTS.md"), StandardCharsets.UTF_8);
    }

    private static Set<String> catalogueEvents() throws IOException {
        String catalogue = catalogue();
        Set<String> events = new TreeSet<>();
        Matcher m = ENTRY.matcher(catalogue);
        while (m.find()) {
            events.add(m.group(1));
        }
        assertThat(events).isNotEmpty();
        return events;
    }
}
