package org.fundflow.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Remembers the bearer tokens whose signature was verified, so that a user's next requests with the same token do not
 * verify it again. A user sends one token with every request until it expires (the portal forwards it with each API
 * call); checking its RSA signature was ~10 % of project-intake's CPU per proposal submission (issue 20 (a)).
 *
 * <p>Only the signature check is remembered. Every use still runs the {@code validator} (expiry, not-before, issuer,
 * audience), so an expired token is refused as before. A token is verified again at the latest {@code lifetime}
 * after its last verification, so a token signed with a key the identity provider has withdrawn is refused within
 * {@code lifetime} of the key set being read again. At most {@code capacity} tokens are held; beyond that the expired
 * ones, then the older ones are dropped.
 */
public final class VerifiedTokens implements ReactiveJwtDecoder {

  private final ReactiveJwtDecoder verifier;
  private final OAuth2TokenValidator<Jwt> validator;
  private final Duration lifetime;
  private final int capacity;
  private final Clock clock;
  private final Map<String, Verified> verified = new ConcurrentHashMap<>();

  private record Verified(Jwt jwt, Instant verifiedAt) {}

  public VerifiedTokens(ReactiveJwtDecoder verifier, OAuth2TokenValidator<Jwt> validator, Duration lifetime,
      int capacity, Clock clock) {
    this.verifier = verifier;
    this.validator = validator;
    this.lifetime = lifetime;
    this.capacity = capacity;
    this.clock = clock;
  }

  @Override
  public Mono<Jwt> decode(String token) {
    if (lifetime.isZero()) {
      return verifier.decode(token);
    }
    Verified known = verified.get(token);
    if (known == null || !clock.instant().isBefore(known.verifiedAt().plus(lifetime))) {
      return verifier.decode(token).doOnNext(jwt -> remember(token, jwt));
    }
    OAuth2TokenValidatorResult result = validator.validate(known.jwt());
    if (result.hasErrors()) {
      verified.remove(token);
      String reasons = result.getErrors().stream().map(OAuth2Error::getDescription).collect(Collectors.joining("; "));
      return Mono.error(new JwtValidationException("The token is no longer valid: " + reasons, result.getErrors()));
    }
    return Mono.just(known.jwt());
  }

  /** How many tokens are remembered now. */
  int size() {
    return verified.size();
  }

  private void remember(String token, Jwt jwt) {
    Instant now = clock.instant();
    if (verified.size() >= capacity) {
      forgetOldest(now);
    }
    verified.put(token, new Verified(jwt, now));
  }

  /** The expired ones first; if that is not enough, everything verified before the middle of the lifetime. */
  private void forgetOldest(Instant now) {
    verified.values().removeIf(v -> !now.isBefore(v.verifiedAt().plus(lifetime)));
    if (verified.size() >= capacity) {
      Instant cut = now.minus(lifetime.dividedBy(2));
      verified.values().removeIf(v -> v.verifiedAt().isBefore(cut));
    }
    if (verified.size() >= capacity) {
      verified.clear();
    }
  }
}
