package org.fundflow.integrity;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** integrity-check: integrity rules, flags, cases and holds (科研诚信). */
@SpringBootApplication
public class IntegrityCheckApplication {

  public static void main(String[] args) {
    SpringApplication.run(IntegrityCheckApplication.class, args);
  }
}
