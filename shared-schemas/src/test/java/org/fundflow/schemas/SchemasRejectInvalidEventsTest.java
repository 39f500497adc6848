package org.fundflow.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The schemas bite: each test takes a valid current example, breaks one thing and expects the schema to reject it.
 * If a schema is made too permissive, one of these fails.
 */
class SchemasRejectInvalidEventsTest {

    private static final String AWARDED = "project-intake/proposal-awarded.v1";
    private static final String AWARDED_GENERAL = "project-intake/variants/proposal-awarded.v1-general";
    private static final String SUBMITTED = "project-intake/proposal-submitted.v1";
    private static final String REVIEW_COMPLETED = "milestone-review/milestone-review-completed.v1";

    // ---- generic, over every schema: all required fields are really required, money is never fractional ----

    static Stream<Arguments> requiredFields() {
        return EventContracts.schemaFiles().stream().flatMap(file -> {
            String key = EventContracts.schemaKey(file);
            List<Arguments> arguments = new ArrayList<>();
            EventContracts.read(file).path("required").values().forEach(field -> arguments.add(Arguments.of(key, field.asString())));
            return arguments.stream();
        });
    }

    @ParameterizedTest(name = "{0} without {1}")
    @MethodSource("requiredFields")
    void rejectsAMissingRequiredField(String schemaKey, String field) {
        ObjectNode event = example(schemaKey);
        assertThat(event.has(field)).as("the current example carries %s", field).isTrue();
        event.remove(field);
        assertRejected(schemaKey, event);
    }

    static Stream<Arguments> moneyFields() {
        return EventContracts.currentExamples().stream().flatMap(example -> EventContracts.read(example.file()).propertyNames()
                .stream().filter(name -> name.endsWith("Fen")).map(name -> Arguments.of(example.schemaKey(), name)));
    }

    @ParameterizedTest(name = "{0} with fractional {1}")
    @MethodSource("moneyFields")
    void rejectsFractionalMoney(String schemaKey, String field) {
        ObjectNode event = example(schemaKey);
        event.put(field, new BigDecimal(event.path(field).asLong()).add(new BigDecimal("0.5")));
        assertRejected(schemaKey, event);
    }

    @ParameterizedTest(name = "{0} with negative {1}")
    @MethodSource("moneyFields")
    void rejectsNegativeMoney(String schemaKey, String field) {
        ObjectNode event = example(schemaKey);
        event.put(field, -1);
        assertRejected(schemaKey, event);
    }

    // ---- proposal-awarded ----

    @Test
    void proposalAwardedWithAFloatingPointAmountIsRejected() {
        ObjectNode event = example(AWARDED);
        event.put("awardedAmountFen", 2_800_000.00d * 100 + 0.25);
        assertRejected(AWARDED, event);
    }

    @Test
    void proposalAwardedWithTheAmountAsAStringIsRejected() {
        ObjectNode event = example(AWARDED);
        event.put("awardedAmountFen", "280000000");
        assertRejected(AWARDED, event);
    }

    @Test
    void proposalAwardedWithoutProjectIdIsRejected() {
        ObjectNode event = example(AWARDED);
        event.remove("projectId");
        assertRejected(AWARDED, event);
    }

    @Test
    void proposalAwardedWithAnEmptyIdIsRejected() {
        ObjectNode event = example(AWARDED);
        event.put("projectId", "");
        assertRejected(AWARDED, event);
    }

    @Test
    void proposalAwardedWithAnUnknownProgramKindIsRejected() {
        ObjectNode event = example(AWARDED);
        event.put("programKind", "MAYBE");
        assertRejected(AWARDED, event);
    }

    @Test
    void proposalAwardedWithATranchePercentOver100IsRejected() {
        ObjectNode event = example(AWARDED);
        ((ObjectNode) event.path("milestones").get(0)).put("tranchePercent", 101);
        assertRejected(AWARDED, event);
    }

    @Test
    void proposalAwardedWithoutMilestonesIsRejected() {
        ObjectNode event = example(AWARDED);
        ((ArrayNode) event.path("milestones")).removeAll();
        assertRejected(AWARDED, event);
    }

    @Test
    void challengeAwardWithoutChallengeIdIsRejected() {
        ObjectNode event = example(AWARDED);
        event.remove("challengeId");
        assertRejected(AWARDED, event);
    }

    @Test
    void generalAwardWithoutFundingSplitIsRejected() {
        ObjectNode event = variant(AWARDED_GENERAL);
        assertThat(EventContracts.validate(AWARDED, event)).isEmpty();
        event.remove("fundingSplit");
        assertRejected(AWARDED, event);
    }

    @Test
    void generalAwardWithATranchePlanIsRejected() {
        ObjectNode event = variant(AWARDED_GENERAL);
        ObjectNode milestone = (ObjectNode) event.path("milestones").get(0);
        milestone.put("tranchePercent", 50);
        assertRejected(AWARDED, event);
    }

    @Test
    void aMilestoneDueDateThatIsNotADateIsRejected() {
        for (String bad : List.of("2027/01/31", "2027-13-01", "31.01.2027", "2027-01-31T00:00:00Z")) {
            ObjectNode event = example(AWARDED);
            ((ObjectNode) event.path("milestones").get(0)).put("dueDate", bad);
            assertRejected(AWARDED, event);
        }
    }

    @ParameterizedTest(name = "awardedAt = \"{0}\"")
    @ValueSource(strings = {"2026-07-10 02:00:00", "2026-07-10T10:00:00+08:00", "2026-07-10", "yesterday", "2026-07-32T02:00:00Z"})
    void anInstantThatIsNotAnRfc3339UtcTimestampIsRejected(String bad) {
        ObjectNode event = example(AWARDED);
        event.put("awardedAt", bad);
        assertRejected(AWARDED, event);
    }

    // ---- organisation codes and persons ----

    @ParameterizedTest(name = "organisationCode = \"{0}\"")
    @ValueSource(strings = {"", "91120112QL7CG8PLX", "91120112ql7cg8plxy", "91120I12QL7CG8PLXY", "91120112QL7CG8PLXY0",
            "91120112QL7CG8PLXO", "91120112QL7CG8PLXS", "9112A112QL7CG8PLXY", " 91120112QL7CG8PLX"})
    void anInvalidOrganisationCodeIsRejected(String bad) {
        ObjectNode event = example(AWARDED);
        event.put("organisationCode", bad);
        assertRejected(AWARDED, event);

        ObjectNode team = example(AWARDED);
        ((ObjectNode) team.path("team").get(0)).put("organisationCode", bad);
        assertRejected(AWARDED, team);
    }

    @ParameterizedTest(name = "personIdHash = \"{0}\"")
    @ValueSource(strings = {"120101198004135929", "", "E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855",
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b85"})
    void aPersonIdHashThatIsNot64LowercaseHexIsRejected(String bad) {
        ObjectNode event = example(SUBMITTED);
        ((ObjectNode) event.path("principalInvestigator")).put("personIdHash", bad);
        assertRejected(SUBMITTED, event);
    }

    /** Issue 18 point 2: a legal representative travels as the keyed hash only, never as the ID number itself. */
    @ParameterizedTest(name = "{0} = a clear national ID")
    @ValueSource(strings = {"legalRepresentativeIdHash", "providerLegalRepresentativeIdHash"})
    void aClearNationalIdAsALegalRepresentativeHashIsRejected(String field) {
        ObjectNode event = example("project-intake/voucher-contracted.v1");
        event.put(field, "120101196310216525");
        assertRejected("project-intake/voucher-contracted.v1", event);
    }

    @Test
    void aClearNationalIdAsMaskedIdIsRejected() {
        ObjectNode event = example(SUBMITTED);
        ((ObjectNode) event.path("principalInvestigator")).put("maskedId", "120101198004135929");
        assertRejected(SUBMITTED, event);
    }

    @Test
    void aProposalWithoutThePledgeIsRejected() {
        ObjectNode event = example(SUBMITTED);
        event.remove("pledge");
        assertRejected(SUBMITTED, event);
    }

    // ---- enums and conditional rules ----

    @Test
    void anUnknownReviewOutcomeIsRejected() {
        ObjectNode event = example(REVIEW_COMPLETED);
        event.put("outcome", "MAYBE");
        assertRejected(REVIEW_COMPLETED, event);
    }

    @Test
    void aConditionalReviewWithoutRectifyByIsRejected() {
        ObjectNode event = example(REVIEW_COMPLETED);
        event.put("outcome", "CONDITIONAL");
        assertRejected(REVIEW_COMPLETED, event);
        event.put("rectifyBy", "2027-03-12T16:00:00Z");
        assertThat(EventContracts.validate(REVIEW_COMPLETED, event)).isEmpty();
    }

    @ParameterizedTest(name = "meanScore = \"{0}\"")
    @ValueSource(strings = {"87.666", "87.7", "87", "101.00", "-1.00"})
    void aMeanScoreThatIsNotADecimalWithTwoPlacesIsRejected(String bad) {
        ObjectNode event = example(REVIEW_COMPLETED);
        event.put("meanScore", bad);
        assertRejected(REVIEW_COMPLETED, event);
    }

    @Test
    void aMeanScoreAsANumberIsRejected() {
        ObjectNode event = example(REVIEW_COMPLETED);
        event.put("meanScore", new BigDecimal("87.67"));
        assertRejected(REVIEW_COMPLETED, event);
    }

    @Test
    void anExpertScoreOutOfRangeOrUnknownRecommendationIsRejected() {
        String key = "milestone-review/expert-evaluation-submitted.v1";
        mutateAndReject(key, e -> ((ObjectNode) e.path("scores")).put("deliverables", 101));
        mutateAndReject(key, e -> ((ObjectNode) e.path("scores")).put("deliverables", 36.5));
        mutateAndReject(key, e -> e.put("recommendation", "MAYBE"));
        mutateAndReject(key, e -> ((ArrayNode) e.path("teamOrganisationCodes")).add("not-a-code"));
    }

    @Test
    void aRejectedClaimCannotCarryASubsidyOrOmitTheReason() {
        String key = "post-subsidy/expenditure-claim-verified.v1";
        mutateAndReject(key, e -> e.put("outcome", "MAYBE"));
        mutateAndReject(key, e -> e.put("outcome", "REJECTED").put("reason", "审计报告与申报数据不一致"));
        mutateAndReject(key, e -> e.put("outcome", "REJECTED").put("subsidyFen", 0));
        ObjectNode rejected = example(key).put("outcome", "REJECTED").put("subsidyFen", 0).put("reason", "审计报告与申报数据不一致");
        assertThat(EventContracts.validate(key, rejected)).isEmpty();
    }

    /** Issue 15 point 4: a decided claim's or case's files travel as metadata (id, name, type, size, sha256), never bytes. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"post-subsidy/expenditure-claim-verified.v1", "integrity-check/case-decided.v1"})
    void decisionEvidenceFilesAreMetadataOnly(String key) {
        for (String field : List.of("fileId", "name", "mediaType", "sizeBytes", "sha256")) {
            mutateAndReject(key, e -> ((ObjectNode) e.path("evidenceFiles").get(0)).remove(field));
        }
        mutateAndReject(key, e -> ((ObjectNode) e.path("evidenceFiles").get(0)).put("sha256", "NOT-A-HASH"));
        mutateAndReject(key, e -> ((ObjectNode) e.path("evidenceFiles").get(0)).put("sizeBytes", 0));
        mutateAndReject(key, e -> ((ObjectNode) e.path("evidenceFiles").get(0)).put("mediaType", "pdf"));
        mutateAndReject(key, e -> ((ObjectNode) e.path("evidenceFiles").get(0)).put("uploadedAt", "2026-05-12 06:20"));
        mutateAndReject(key, e -> e.put("evidenceFiles", "report.pdf"));
        ObjectNode withoutFiles = example(key);
        withoutFiles.remove("evidenceFiles");
        assertThat(EventContracts.validate(key, withoutFiles)).as("an event from before files were stored").isEmpty();
        ObjectNode noFiles = example(key);
        ((ArrayNode) noFiles.path("evidenceFiles")).removeAll();
        assertThat(EventContracts.validate(key, noFiles)).as("a decision without files").isEmpty();
    }

    @Test
    void aDisbursementTriggerMustBeKnownAndReferToItsAggregate() {
        String key = "post-subsidy/disbursement-created.v1";
        mutateAndReject(key, e -> ((ObjectNode) e.path("trigger")).put("kind", "BONUS"));
        mutateAndReject(key, e -> e.remove("projectId"));
        mutateAndReject(key, e -> ((ObjectNode) e.path("trigger")).put("kind", "POST_SUBSIDY"));
        // issue 18: a REWARD payment names its reward claim; a VOUCHER payment has neither project nor claim, but a
        // project trigger without its project is still refused
        mutateAndReject(key, e -> ((ObjectNode) e.path("trigger")).put("kind", "REWARD"));
        ObjectNode voucherAsAdvance = variant("post-subsidy/variants/disbursement-created.v1-voucher");
        ((ObjectNode) voucherAsAdvance.path("trigger")).put("kind", "ADVANCE");
        assertRejected(key, voucherAsAdvance);
    }

    @Test
    void aReleasedDisbursementShowsOnlyAMaskedAccountNumber() {
        mutateAndReject("post-subsidy/disbursement-released.v1",
                e -> ((ObjectNode) e.path("payee")).put("accountNumberMasked", "6222020302001234567"));
    }

    @Test
    void integritySubjectsAreTypedAndMatchTheirType() {
        String key = "integrity-check/hold-placed.v1";
        mutateAndReject(key, e -> ((ObjectNode) e.path("subject")).put("type", "PROJECT"));
        mutateAndReject(key, e -> ((ObjectNode) e.path("subject")).put("type", "PERSON"));
        mutateAndReject(key, e -> e.remove("flagId"));
        mutateAndReject("integrity-check/flag-raised.v1", e -> e.put("severity", "MAYBE"));
        mutateAndReject("integrity-check/flag-raised.v1", e -> ((ArrayNode) e.path("evidence")).removeAll());
        mutateAndReject("integrity-check/case-decided.v1", e -> e.put("decision", "MAYBE"));
        mutateAndReject("integrity-check/hold-lifted.v1", e -> e.put("reason", "MAYBE"));
        mutateAndReject("integrity-check/hold-lifted.v1", e -> e.put("reason", "LIFTED_BY_OFFICER").remove("liftedBy"));
    }

    @Test
    void programRulesAreRequiredByKind() {
        String key = "project-intake/program-published.v1";
        mutateAndReject(key, e -> e.put("kind", "GENERAL"));
        mutateAndReject(key, e -> e.put("kind", "POST_SUBSIDY"));
        mutateAndReject(key, e -> e.put("status", "MAYBE"));
        mutateAndReject(key, e -> e.put("revision", 0));
        ObjectNode postSubsidy = variant("project-intake/variants/program-published.v1-post-subsidy");
        ((ObjectNode) postSubsidy.path("postSubsidyRule").path("tiers").get(0)).put("rateBasisPoints", 0.3);
        assertRejected(key, postSubsidy);
    }

    /**
     * Issue 12 point 9: "no cap" has one representation, the cap left out of the rule. A cap of 0 (the old
     * "magic 0" of post-subsidy) or null is rejected; a positive cap and no cap at all are both valid, in
     * program-published and program-changed alike.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"project-intake/program-published.v1", "project-intake/program-changed.v1"})
    void aPostSubsidyCapIsPositiveOrLeftOutForNoCap(String key) {
        ObjectNode noCap = variant("project-intake/variants/program-published.v1-post-subsidy-no-cap");
        if (key.endsWith("program-changed.v1")) {
            noCap.put("revision", 2).put("changedAt", "2026-05-10T02:00:00Z");
        }
        assertThat(noCap.path("postSubsidyRule").has("capPerOrganisationPerYearFen")).isFalse();
        assertThat(EventContracts.validate(key, noCap)).as("no cap = the field left out").isEmpty();
        ((ObjectNode) noCap.path("postSubsidyRule")).put("capPerOrganisationPerYearFen", 1);
        assertThat(EventContracts.validate(key, noCap)).as("a positive cap").isEmpty();
        ((ObjectNode) noCap.path("postSubsidyRule")).put("capPerOrganisationPerYearFen", 0);
        assertRejected(key, noCap);
        ((ObjectNode) noCap.path("postSubsidyRule")).putNull("capPerOrganisationPerYearFen");
        assertRejected(key, noCap);
    }

    // ---- helpers ----

    private static void mutateAndReject(String schemaKey, Consumer<ObjectNode> mutation) {
        ObjectNode event = example(schemaKey);
        mutation.accept(event);
        assertRejected(schemaKey, event);
    }

    private static ObjectNode example(String schemaKey) {
        ObjectNode event = (ObjectNode) EventContracts.readExample(schemaKey);
        assertThat(EventContracts.validate(schemaKey, event)).as("the unmodified example is valid").isEmpty();
        return event;
    }

    private static ObjectNode variant(String path) {
        return (ObjectNode) EventContracts.read(EventContracts.examplesRoot().resolve(path + ".json"));
    }

    private static void assertRejected(String schemaKey, JsonNode event) {
        assertThat(EventContracts.validate(schemaKey, event)).as("%s must reject %s", schemaKey, event).isNotEmpty();
    }
}
