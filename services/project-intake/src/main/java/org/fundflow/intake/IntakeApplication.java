package org.fundflow.intake;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** project-intake: programs, challenges and proposals, from call to award. */
@SpringBootApplication
public class IntakeApplication {

  public static void main(String[] args) {
    SpringApplication.run(IntakeApplication.class, args);
  }
}
