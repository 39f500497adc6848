package org.fundflow.platform.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.fundflow.platform.national.OrganisationCode;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A unified social credit code (GB 32100-2015) with the right check character; null is left to
 * {@code @NotBlank}/{@code @NotNull}. A wrong one is a 400 naming the field, in every service.
 */
@Target({FIELD, PARAMETER, TYPE_USE, RECORD_COMPONENT})
@Retention(RUNTIME)
@Constraint(validatedBy = ValidOrganisationCode.Check.class)
public @interface ValidOrganisationCode {

  String message() default "is not a valid unified social credit code (GB 32100-2015: 18 characters, check character last)";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Check implements ConstraintValidator<ValidOrganisationCode, String> {
    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      return value == null || OrganisationCode.isValid(value);
    }
  }
}
