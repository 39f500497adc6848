package org.fundflow.platform.domain;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The versions of a record a change may be made on, as the client's {@code If-Match} named them: any version (no
 * If-Match, or {@code *}), or one of a set of versions. The set may be empty: a request that named only weak or
 * foreign entity tags matches no version (RFC 9110 compares If-Match strongly). Pure Java, so use cases and the domain
 * compare with it; the platform's web kit makes it from the header.
 */
public final class ExpectedVersion {

  private static final ExpectedVersion ANY = new ExpectedVersion(null);

  /** Null for any version. */
  private final Set<Long> versions;

  private ExpectedVersion(Set<Long> versions) {
    this.versions = versions;
  }

  /** No condition: the change is made on whatever version is current. */
  public static ExpectedVersion any() {
    return ANY;
  }

  public static ExpectedVersion of(long version) {
    return new ExpectedVersion(Set.of(version));
  }

  /** One of these versions; none matches when the collection is empty. */
  public static ExpectedVersion oneOf(Collection<Long> versions) {
    return new ExpectedVersion(Set.copyOf(new TreeSet<>(versions)));
  }

  /** True when the request set no condition on the version. */
  public boolean isAny() {
    return versions == null;
  }

  public boolean matches(long current) {
    return versions == null || versions.contains(current);
  }

  /** The versions named, in ascending order (empty for {@link #any()} and for a request that named none of ours). */
  public List<Long> versions() {
    return versions == null ? List.of() : versions.stream().sorted().toList();
  }

  /** For a refusal's detail: {@code 3}, {@code 3 or 4}, {@code any}, {@code none}. */
  @Override
  public String toString() {
    if (versions == null) {
      return "any";
    }
    if (versions.isEmpty()) {
      return "none";
    }
    return versions().stream().map(String::valueOf).collect(Collectors.joining(" or "));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ExpectedVersion other && Objects.equals(versions, other.versions);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(versions);
  }
}
