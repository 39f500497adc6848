package org.fundflow.platform.problem;

import org.springframework.core.MethodParameter;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;

/** The name a client knows a controller parameter by: the query parameter, path variable, header or part name. */
final class RequestInputs {

  private RequestInputs() {}

  static String name(MethodParameter p) {
    if (p == null) {
      return "";
    }
    String named = null;
    RequestParam param = p.getParameterAnnotation(RequestParam.class);
    if (param != null) {
      named = param.name();
    }
    PathVariable path = p.getParameterAnnotation(PathVariable.class);
    if (path != null) {
      named = path.name();
    }
    RequestHeader header = p.getParameterAnnotation(RequestHeader.class);
    if (header != null) {
      named = header.name();
    }
    RequestPart part = p.getParameterAnnotation(RequestPart.class);
    if (part != null) {
      named = part.name();
    }
    if (StringUtils.hasText(named)) {
      return named;
    }
    String parameterName = p.getParameterName();
    return parameterName != null ? parameterName : "arg" + p.getParameterIndex();
  }
}
