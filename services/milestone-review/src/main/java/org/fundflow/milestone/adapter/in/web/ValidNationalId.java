package org.fundflow.milestone.adapter.in.web;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.time.LocalDate;
import java.time.ZoneId;
import org.fundflow.milestone.domain.NationalId;

/**
 * A resident ID (GB 11643) with the right check character and a real birth date; null is left to
 * {@code @NotBlank}. The message never contains the number.
 */
@Target({FIELD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
@Constraint(validatedBy = ValidNationalId.Check.class)
public @interface ValidNationalId {

  String message() default "is not a valid resident ID number (GB 11643 check character or birth date wrong)";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Check implements ConstraintValidator<ValidNationalId, String> {
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      return value == null || NationalId.isValid(value, LocalDate.now(CHINA));
    }
  }
}
