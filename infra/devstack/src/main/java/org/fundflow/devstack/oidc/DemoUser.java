package org.fundflow.devstack.oidc;

import java.util.List;

/** One demo login of the local identity provider: the token's {@code sub} is {@link #username()}. */
public record DemoUser(String username, String displayName, List<String> roles, String orgCode, String orgName) {

  public DemoUser {
    roles = List.copyOf(roles);
  }

  /** The demo users, one per role (two applicant organisations, five experts, one service provider). */
  public static List<DemoUser> all() {
    return List.of(
        new DemoUser("applicant", "Li Wei (Jinnan Advanced Materials)", List.of("APPLICANT"),
            "91120112MNH91HTMX6", "Tianjin Jinnan Advanced Materials Co., Ltd."),
        new DemoUser("applicant2", "Zhao Min (Binhai Smart Equipment)", List.of("APPLICANT"),
            "9112000089F2XW550E", "Tianjin Binhai Smart Equipment Co., Ltd."),
        new DemoUser("program-manager", "Wang Fang (District Science Bureau)", List.of("PROGRAM_MANAGER"), null, null),
        // issue 18: a science-and-technology service provider that innovation vouchers pay
        new DemoUser("provider", "Sun Hao (Jinnan Testing and Certification)", List.of("SERVICE_PROVIDER"),
            "91120112DA1KCGYFXP", "Tianjin Jinnan Testing and Certification Co., Ltd."),
        new DemoUser("expert1", "Prof. Chen Jie", List.of("EXPERT"),
            "12120116800HQW767H", "Tianjin Institute of Industrial Technology"),
        new DemoUser("expert2", "Dr. Liu Yang", List.of("EXPERT"),
            "521201126KXLELYT33", "Tianjin Association for New Materials Research"),
        new DemoUser("expert3", "Prof. Sun Lei", List.of("EXPERT"),
            "12310115AMBRCN372R", "Shanghai Institute of Applied Physics"),
        new DemoUser("expert4", "Dr. Zhou Ning", List.of("EXPERT"),
            "5231011587WL1EFJ6B", "Shanghai Society for Engineering Evaluation"),
        new DemoUser("expert5", "Ma Lin", List.of("EXPERT"),
            "92110108EF3LH7EF5W", "Beijing Haidian Technical Consulting Studio"),
        new DemoUser("finance-officer", "Xu Hong (Finance)", List.of("FINANCE_OFFICER"), null, null),
        new DemoUser("finance-approver", "Gao Jun (Finance, approver)", List.of("FINANCE_APPROVER"), null, null),
        new DemoUser("integrity-officer", "He Qing (Supervision)", List.of("INTEGRITY_OFFICER"), null, null),
        new DemoUser("auditor", "Tang Yu (Audit)", List.of("AUDITOR"), null, null));
  }

  /** The e-mail address of the ID token's {@code email} claim: the same as the user's in infra/keycloak's realm. */
  public String email() {
    return username + "@fundflow.example";
  }

  /** The curl command that gets this user a token (client_credentials, client_id = user name). */
  public String curl(String baseUrl) {
    return "curl -s -d grant_type=client_credentials -d client_id=" + username
        + " -d client_secret=x -d scope=fundflow " + baseUrl + "/" + OidcProvider.ISSUER_ID + "/token";
  }
}
