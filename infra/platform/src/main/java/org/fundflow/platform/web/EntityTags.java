package org.fundflow.platform.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.fundflow.platform.domain.ExpectedVersion;
import org.fundflow.platform.problem.Problems;
import org.springframework.http.ETag;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A record's version as its entity tag ({@code "3"}) and the {@code If-Match} header as the versions a change may be
 * made on, per RFC 9110 (sections 8.8.3 and 13.1.1): {@code *} matches any existing record, a list matches when one of
 * its tags matches, and the comparison is strong (a weak tag {@code W/"3"} matches nothing). Built on Spring's
 * {@link ETag}.
 */
public final class EntityTags {

  public static final String IF_MATCH = "If-Match";
  public static final String MALFORMED = "must be * or a list of entity tags such as \"3\" (the ETag you read)";

  private static final String TAG = "(?:W/)?\"[\\x21\\x23-\\x7E\\x80-\\xFF]*\"";
  /** {@code #entity-tag}: tags separated by commas, empty elements and optional white space allowed. */
  private static final Pattern LIST = Pattern.compile("[ \\t,]*" + TAG + "(?:[ \\t]*,[ \\t,]*" + TAG + ")*[ \\t,]*");
  private static final Pattern VERSION = Pattern.compile("0|[1-9][0-9]{0,17}");

  private EntityTags() {}

  /** The strong entity tag of a version, as the {@code ETag} response header carries it: {@code "3"}. */
  public static String of(long version) {
    return etag(version).formattedTag();
  }

  private static ETag etag(long version) {
    return new ETag(Long.toString(version), false);
  }

  /**
   * The versions an {@code If-Match} value names: {@link ExpectedVersion#any()} for {@code *}, otherwise the versions
   * whose entity tag strongly matches one of the listed tags (none for weak or foreign tags).
   *
   * @throws ErrorResponseException 400 {@code validation} naming If-Match when the value is not {@code *} nor a list of
   *     entity tags
   */
  public static ExpectedVersion parseIfMatch(String value) {
    String v = value == null ? "" : value.strip();
    if (v.equals("*")) {
      return ExpectedVersion.any();
    }
    if (!LIST.matcher(v).matches()) {
      throw Problems.invalid(IF_MATCH, MALFORMED);
    }
    List<Long> versions = new ArrayList<>();
    for (ETag tag : ETag.parse(v)) {
      if (!tag.weak() && VERSION.matcher(tag.tag()).matches()) {
        long version = Long.parseLong(tag.tag());
        if (etag(version).compare(tag, true)) {
          versions.add(version);
        }
      }
    }
    return ExpectedVersion.oneOf(versions);
  }

  /** 428 {@code if-match-required}: the change is only made on a version the client read. */
  static ErrorResponseException required() {
    return Problems.problem(HttpStatus.PRECONDITION_REQUIRED, "if-match-required", "If-Match required",
        "Send the ETag of the record you read in If-Match: this change is only made on the version you saw.");
  }
}
