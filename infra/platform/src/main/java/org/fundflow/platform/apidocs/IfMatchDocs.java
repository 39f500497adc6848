package org.fundflow.platform.apidocs;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import org.fundflow.platform.web.IfMatch;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.web.method.HandlerMethod;

/**
 * An {@code @IfMatch ExpectedVersion} argument is the request's {@code If-Match} header: the argument itself is kept
 * out of the document (it is not a query parameter), so the header is declared here, required as the annotation
 * says. {@link ProblemResponseDocs} then adds the 412 and 428 it may answer.
 */
public class IfMatchDocs implements GlobalOperationCustomizer {

  @Override
  public Operation customize(Operation operation, HandlerMethod handlerMethod) {
    for (MethodParameter parameter : handlerMethod.getMethodParameters()) {
      IfMatch ifMatch = parameter.getParameterAnnotation(IfMatch.class);
      boolean declared = operation.getParameters() != null && operation.getParameters().stream()
          .anyMatch(p -> "header".equals(p.getIn()) && HttpHeaders.IF_MATCH.equalsIgnoreCase(p.getName()));
      if (ifMatch != null && !declared) {
        operation.addParametersItem(new HeaderParameter().name(HttpHeaders.IF_MATCH).required(ifMatch.required())
            .description("The ETag of the record as it was read (strong comparison; * for any existing record; a list"
                + " matches when one of its tags does)")
            .schema(new StringSchema()));
      }
    }
    return operation;
  }
}
