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
import org.fundflow.platform.national.NationalId;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A resident ID number (GB 11643-1999) with the right check character and a real birth date; null is left to
 * {@code @NotBlank}. A wrong one is a 400 naming the field, in every service; the message never contains the number.
 */
@Target({FIELD, PARAMETER, TYPE_USE, RECORD_COMPONENT})
@Retention(RUNTIME)
@Constraint(validatedBy = ValidNationalId.Check.class)
public @interface ValidNationalId {

  String message() default "is not a valid resident ID number (GB 11643: check character or birth date wrong)";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Check implements ConstraintValidator<ValidNationalId, String> {
    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      return value == null || NationalId.isValid(value);
    }
  }
}
