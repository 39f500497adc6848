package org.fundflow.milestone;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** milestone-review: projects, milestone reports, expert panels and decisions (揭榜制+里程碑). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MilestoneReviewApplication {

  public static void main(String[] args) {
    SpringApplication.run(MilestoneReviewApplication.class, args);
  }
}
