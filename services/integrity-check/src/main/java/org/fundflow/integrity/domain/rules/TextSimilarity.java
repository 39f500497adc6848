package org.fundflow.integrity.domain.rules;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Character-shingle similarity of two texts, language-neutral so that it works for Chinese (no
 * word boundaries) and English alike: the texts are normalised (NFKC, lower case, only letters and
 * digits kept — punctuation, spaces and full/half-width differences vanish), cut into overlapping
 * character k-grams, and compared as sets, so reordered sentences keep their shingles.
 * <ul>
 *   <li>Jaccard = |A ∩ B| / |A ∪ B| (symmetric; drops when one text grew)</li>
 *   <li>containment = |A ∩ B| / min(|A|, |B|) (how much of the shorter text is in the longer:
 *       catches a copied text with sentences added)</li>
 * </ul>
 */
public final class TextSimilarity {

  public enum Measure { JACCARD, CONTAINMENT }

  public record Score(double jaccard, double containment, int shinglesA, int shinglesB, int shared) {
    public double of(Measure measure) {
      return measure == Measure.JACCARD ? jaccard : containment;
    }
  }

  private final int shingleSize;

  public TextSimilarity(int shingleSize) {
    if (shingleSize < 1) {
      throw new IllegalArgumentException("shingle size must be at least 1");
    }
    this.shingleSize = shingleSize;
  }

  public int shingleSize() {
    return shingleSize;
  }

  public Score compare(String a, String b) {
    return compare(shingles(a), shingles(b));
  }

  /** The score of two texts already cut into shingles: a text compared with many others is cut once. */
  Score compare(Set<String> sa, Set<String> sb) {
    if (sa.isEmpty() || sb.isEmpty()) {
      return new Score(0, 0, sa.size(), sb.size(), 0);
    }
    Set<String> smaller = sa.size() <= sb.size() ? sa : sb;
    Set<String> larger = smaller == sa ? sb : sa;
    int shared = 0;
    for (String shingle : smaller) {
      if (larger.contains(shingle)) {
        shared++;
      }
    }
    int union = sa.size() + sb.size() - shared;
    return new Score((double) shared / union, (double) shared / Math.min(sa.size(), sb.size()),
        sa.size(), sb.size(), shared);
  }

  static String normalise(String text) {
    if (text == null) {
      return "";
    }
    String n = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder(n.length());
    n.codePoints().filter(Character::isLetterOrDigit).forEach(out::appendCodePoint);
    return out.toString();
  }

  Set<String> shingles(String text) {
    String n = normalise(text);
    int[] cps = n.codePoints().toArray();
    Set<String> set = new HashSet<>();
    if (cps.length == 0) {
      return set;
    }
    if (cps.length <= shingleSize) {
      set.add(n);
      return set;
    }
    for (int i = 0; i + shingleSize <= cps.length; i++) {
      set.add(new String(cps, i, shingleSize));
    }
    return set;
  }
}
