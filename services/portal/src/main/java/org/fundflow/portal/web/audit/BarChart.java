package org.fundflow.portal.web.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

/**
 * A horizontal bar chart drawn on the server as SVG: groups of bars (one bar per series), a legend, the value written
 * after each bar. Only geometry: the figures are the services', the words the caller's. Colours are SVG presentation
 * attributes (no inline style, so the strict CSP holds); each colour is named in the legend and every figure is in
 * the table next to the chart, so no reader depends on the colour.
 */
public record BarChart(String id, int width, int height, List<Text> texts, List<Rect> rects) {

  static final int WIDTH = 720;
  static final int BAR_AREA = 520;
  static final int BAR = 16;
  static final int GAP = 4;
  static final int LABEL = 20;
  static final int GROUP_GAP = 14;
  static final int LEGEND = 28;

  /** A series: its name in the legend and its colour. */
  public record Series(String name, String fill) {}

  /** @param values one per series, null where the group has no bar of that series */
  public record Group(String label, List<Long> values) {}

  public record Text(int x, int y, String text, boolean strong) {}

  public record Rect(int x, int y, int width, int height, String fill) {}

  static BarChart of(String id, List<Series> series, List<Group> groups, LongFunction<String> valueText) {
    List<Text> texts = new ArrayList<>();
    List<Rect> rects = new ArrayList<>();
    int y = 0;
    if (series.size() > 1) {
      int x = 0;
      for (Series s : series) {
        rects.add(new Rect(x, 6, 12, 12, s.fill()));
        texts.add(new Text(x + 18, 16, s.name(), false));
        x += 30 + 13 * s.name().length();
      }
      y = LEGEND;
    }
    long max = 1;
    for (Group g : groups) {
      for (Long v : g.values()) {
        if (v != null) {
          max = Math.max(max, v);
        }
      }
    }
    for (Group g : groups) {
      texts.add(new Text(0, y + 14, g.label(), true));
      y += LABEL;
      for (int i = 0; i < g.values().size(); i++) {
        Long v = g.values().get(i);
        if (v == null) {
          continue;
        }
        int w = (int) Math.round((double) v * BAR_AREA / max);
        if (v > 0 && w == 0) {
          w = 1;
        }
        rects.add(new Rect(0, y, w, BAR, series.get(i).fill()));
        texts.add(new Text(w + 6, y + 12, valueText.apply(v), false));
        y += BAR + GAP;
      }
      y += GROUP_GAP;
    }
    return new BarChart(id, WIDTH, Math.max(y, 40), List.copyOf(texts), List.copyOf(rects));
  }

  public String viewBox() {
    return "0 0 " + width + " " + height;
  }
}
