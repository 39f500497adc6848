package org.fundflow.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.fundflow.platform.test.MovableClock;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

class VerifiedTokensTest {

  private static final Instant ISSUED = Instant.parse("2026-12-08T01:00:00Z");
  private final MovableClock clock = new MovableClock(ISSUED);
  private final AtomicInteger verifications = new AtomicInteger();
  /** Stands for the signature check: counts its calls; tokens starting "forged" fail it. */
  private final ReactiveJwtDecoder signatures = token -> {
    verifications.incrementAndGet();
    if (token.startsWith("forged")) {
      return Mono.error(new BadJwtException("Signed JWT rejected: Invalid signature"));
    }
    return Mono.just(Jwt.withTokenValue(token).header("alg", "RS256").subject("applicant-" + token)
        .issuedAt(ISSUED).expiresAt(ISSUED.plus(Duration.ofMinutes(30))).build());
  };
  private final VerifiedTokens tokens = new VerifiedTokens(signatures, timestamps(), Duration.ofMinutes(5), 4, clock);

  private JwtTimestampValidator timestamps() {
    JwtTimestampValidator validator = new JwtTimestampValidator(Duration.ZERO);
    validator.setClock(clock);
    return validator;
  }

  @Test
  void aUsersSecondRequestWithTheSameTokenIsNotVerifiedAgain() {
    assertThat(tokens.decode("a").block().getSubject()).isEqualTo("applicant-a");
    assertThat(tokens.decode("a").block().getSubject()).isEqualTo("applicant-a");
    assertThat(verifications).hasValue(1);
  }

  @Test
  void anotherTokenIsVerified() {
    tokens.decode("a").block();
    assertThat(tokens.decode("b").block().getSubject()).isEqualTo("applicant-b");
    assertThat(verifications).hasValue(2);
  }

  @Test
  void aTokenThatFailedIsCheckedAgainEachTime() {
    assertThatThrownBy(() -> tokens.decode("forged-1").block()).isInstanceOf(BadJwtException.class);
    assertThatThrownBy(() -> tokens.decode("forged-1").block()).isInstanceOf(BadJwtException.class);
    assertThat(verifications).hasValue(2);
  }

  @Test
  void aRememberedTokenIsRefusedOnceItExpires() {
    tokens.decode("a").block();
    clock.move(Duration.ofMinutes(28));
    tokens.decode("a").block();
    assertThat(verifications).hasValue(2);
    // verified 3 minutes ago, but it expired a minute ago
    clock.move(Duration.ofMinutes(3));
    assertThatThrownBy(() -> tokens.decode("a").block())
        .isInstanceOf(JwtValidationException.class).hasMessageContaining("expired");
  }

  @Test
  void theSignatureIsVerifiedAgainAfterTheLifetime() {
    tokens.decode("a").block();
    clock.move(Duration.ofMinutes(5));
    tokens.decode("a").block();
    assertThat(verifications).hasValue(2);
  }

  @Test
  void aLifetimeOfZeroVerifiesEveryRequestAndRemembersNothing() {
    VerifiedTokens everyTime = new VerifiedTokens(signatures, timestamps(), Duration.ZERO, 4, clock);
    everyTime.decode("a").block();
    everyTime.decode("a").block();
    assertThat(verifications).hasValue(2);
    assertThat(everyTime.size()).isZero();
  }

  @Test
  void atMostCapacityTokensAreHeldAndEachStillWorks() {
    for (int i = 0; i < 20; i++) {
      clock.move(Duration.ofSeconds(30));
      assertThat(tokens.decode("t" + i).block().getSubject()).isEqualTo("applicant-t" + i);
      assertThat(tokens.size()).isLessThanOrEqualTo(4);
    }
    assertThat(tokens.decode("t19").block().getSubject()).isEqualTo("applicant-t19");
    assertThat(verifications).hasValue(20);
  }
}
