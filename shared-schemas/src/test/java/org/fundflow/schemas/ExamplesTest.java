package org.fundflow.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.fundflow.schemas.EventContracts.Example;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** Every example (current, history, variants) validates against the schema of the same name and version. */
class ExamplesTest {

    private static final Pattern ORGANISATION_CODE = Pattern.compile(EventContracts.ORGANISATION_CODE_PATTERN);

    static List<Example> examples() {
        return EventContracts.examples();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void validatesAgainstItsSchema(Example example) {
        assertThat(Files.exists(EventContracts.schemaFile(example.schemaKey())))
                .as("schema %s exists", example.schemaKey()).isTrue();
        assertThat(EventContracts.validate(example.schemaKey(), EventContracts.read(example.file()))).isEmpty();
    }

    @Test
    void everySchemaHasACurrentExampleAndEveryCurrentExampleASchema() {
        Set<String> schemas = EventContracts.schemaFiles().stream().map(EventContracts::schemaKey)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> examples = EventContracts.currentExamples().stream().map(Example::schemaKey)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(examples).containsExactlyElementsOf(schemas);
    }

    @Test
    void thereIsAtLeastOneHistoryExample() {
        assertThat(examples()).anyMatch(e -> e.kind().equals("history"));
    }

    /** The schemas only check the shape of a code; the examples use real check characters. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void organisationCodesHaveValidCheckCharacters(Example example) {
        List<String> codes = new ArrayList<>();
        collectOrganisationCodes(EventContracts.read(example.file()), codes);
        assertThat(codes).allSatisfy(code -> assertThat(EventContracts.hasValidCheckCharacter(code)).as(code).isTrue());
    }

    /** What the schemas cannot say: splits and tranche plans add up to 100 %. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void percentagesAddUp(Example example) {
        JsonNode event = EventContracts.read(example.file());
        JsonNode split = event.path("fundingSplit");
        if (split.isObject()) {
            assertThat(split.path("advancePercent").asInt() + split.path("balancePercent").asInt()).isEqualTo(100);
        }
        JsonNode milestones = event.path("milestones");
        if (milestones.isArray()) {
            int sum = 0;
            for (JsonNode milestone : milestones) {
                sum += milestone.path("tranchePercent").asInt();
            }
            assertThat(sum).isEqualTo(100);
        }
        // 立项评审: a program's review rubric weighs exactly 100 (proposal-screened, proposal-reviewed)
        JsonNode rubric = event.path("rubric");
        if (rubric.isArray()) {
            int weights = 0;
            for (JsonNode criterion : rubric) {
                weights += criterion.path("weight").asInt();
            }
            assertThat(weights).isEqualTo(100);
        }
    }

    private static void collectOrganisationCodes(JsonNode node, List<String> codes) {
        if (node.isString() && ORGANISATION_CODE.matcher(node.asString()).matches()) {
            codes.add(node.asString());
        } else if (node.isContainer()) {
            node.values().forEach(child -> collectOrganisationCodes(child, codes));
        }
    }
}
