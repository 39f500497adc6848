package org.fundflow.platform.test;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

/**
 * Real signed JWTs for tests, for any role and organisation. The services under test trust the
 * key through {@code fundflow.security.jwt.public-key} (set by {@link FundflowTestInfrastructure}).
 */
public final class TestJwts {

  private static final KeyPair KEYS = generate();

  private TestJwts() {}

  public static String publicKeyBase64() {
    return Base64.getEncoder().encodeToString(KEYS.getPublic().getEncoded());
  }

  /** A token of a user with one role and no organisation (staff of the agency). */
  public static String token(String subject, String role) {
    return token(subject, List.of(role), null);
  }

  /** A token of a user of an organisation (applicants, experts). */
  public static String token(String subject, List<String> roles, String organisationCode) {
    return token(subject, roles, organisationCode, List.of());
  }

  /** A token of a staff user meant for the given audiences ({@code aud}), as Keycloak issues them. */
  public static String tokenFor(List<String> audiences, String subject, String role) {
    return token(subject, List.of(role), null, audiences);
  }

  private static String token(String subject, List<String> roles, String organisationCode, List<String> audiences) {
    JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
        .subject(subject)
        .issuer("fundflow-test")
        .claim("name", subject)
        .claim("roles", roles)
        .issueTime(new Date())
        .expirationTime(Date.from(Instant.now().plusSeconds(3600)));
    if (!audiences.isEmpty()) {
      claims.audience(audiences);
    }
    if (organisationCode != null) {
      claims.claim("org_code", organisationCode).claim("org_name", "Organisation " + organisationCode);
    }
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims.build());
    try {
      jwt.sign(new RSASSASigner(KEYS.getPrivate()));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jwt.serialize();
  }

  private static KeyPair generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
