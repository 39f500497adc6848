package org.fundflow.platform.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller parameter of type {@link org.fundflow.platform.domain.ExpectedVersion} as the request's
 * {@code If-Match} header, read the same way in every service (see {@link EntityTags}): strong comparison, {@code *}
 * for any existing record, a list matching when one tag matches; a malformed header is a 400 {@code validation}
 * problem naming {@code If-Match}. When {@link #required()} and absent: 428 {@code if-match-required}.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface IfMatch {

  /** Whether a request without If-Match is refused with 428. */
  boolean required() default true;
}
