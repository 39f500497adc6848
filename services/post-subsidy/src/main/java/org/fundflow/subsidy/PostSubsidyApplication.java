package org.fundflow.subsidy;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** post-subsidy: disbursements, expenditure claims and the four-eyes release (后补助). */
@SpringBootApplication
public class PostSubsidyApplication {

  public static void main(String[] args) {
    SpringApplication.run(PostSubsidyApplication.class, args);
  }
}
