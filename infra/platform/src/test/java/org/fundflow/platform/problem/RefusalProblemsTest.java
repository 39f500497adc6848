package org.fundflow.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.fundflow.platform.domain.Refusal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** Every service's refusal answered one way: the kind's status, the slug's type, title, detail and extra members. */
class RefusalProblemsTest {

  @ParameterizedTest
  @CsvSource({"NOT_FOUND, 404", "FORBIDDEN, 403", "CONFLICT, 409", "PRECONDITION_FAILED, 412", "UNPROCESSABLE, 422"})
  void aRefusalIsAProblemWithItsKindsStatus(Refusal.Kind kind, int status) {
    Refusal refusal = new Refusal(kind, "budget-exhausted", "Program budget exhausted", "over budget by 5 fen",
        Map.of("budgetFen", 100L, "code", "budget-exhausted"));

    ResponseEntity<Object> response = new ProblemResponses().refused(refusal);

    assertThat(response.getStatusCode().value()).isEqualTo(status);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    ProblemDetail body = (ProblemDetail) response.getBody();
    assertThat(body.getStatus()).isEqualTo(status);
    assertThat(body.getType()).hasToString("https://fundflow.org/problems/budget-exhausted");
    assertThat(body.getTitle()).isEqualTo("Program budget exhausted");
    assertThat(body.getDetail()).isEqualTo("over budget by 5 fen");
    assertThat(body.getProperties()).containsEntry("budgetFen", 100L).containsEntry("code", "budget-exhausted");
  }
}
