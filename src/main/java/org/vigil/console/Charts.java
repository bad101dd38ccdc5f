package org.vigil.console;

import java.util.ArrayList;
import java.util.List;

/**
 * The geometry of the dashboard's charts, drawn by the server as SVG: the Content-Security-Policy runs
 * no chart script, and shapes with position attributes need none. Pure arithmetic, no Spring.
 */
final class Charts {

    private Charts() {
    }

    /** One band of a stacked bar: which band (for its colour), where it starts and how wide it is. */
    record Segment(int band, double x, double width, long count) {
    }

    /** One horizontal stacked bar with its label; {@code end} is where the bar stops. */
    record Bar(String label, long total, double y, List<Segment> segments, double end) {
    }

    record Stacked(List<Bar> bars, int width, int height, int barHeight, int labelWidth) {
    }

    static final int WIDTH = 640;
    static final int LABEL = 180;
    static final int ROW = 24;
    static final int BAR = 18;

    /** Horizontal bars, one per label, each the sum of its bands, scaled to the longest. */
    static Stacked stacked(List<String> labels, List<List<Long>> bands) {
        long max = bands.stream().mapToLong(b -> b.stream().mapToLong(Long::longValue).sum()).max().orElse(0);
        double scale = max == 0 ? 0 : (WIDTH - LABEL - 50.0) / max;
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            double x = LABEL;
            List<Segment> segments = new ArrayList<>();
            long total = 0;
            for (int band = 0; band < bands.get(i).size(); band++) {
                long count = bands.get(i).get(band);
                if (count > 0) {
                    segments.add(new Segment(band, x, count * scale, count));
                    x += count * scale;
                    total += count;
                }
            }
            bars.add(new Bar(labels.get(i), total, (double) i * ROW, segments, x));
        }
        return new Stacked(bars, WIDTH, Math.max(ROW, labels.size() * ROW), BAR, LABEL);
    }

    /** One vertical column: its label (empty for the columns left unlabelled) and its box. */
    record Column(String label, long count, double x, double y, double height) {
    }

    record Columns(List<Column> columns, int width, int height, int plotHeight, double columnWidth, long max,
            long total) {
    }

    static final int COLUMN = 22;
    static final int PLOT = 110;

    /** Vertical columns scaled to the highest; every {@code labelEvery}-th column keeps its label. */
    static Columns columns(List<String> labels, long[] counts, int labelEvery) {
        long max = 0;
        long total = 0;
        for (long c : counts) {
            max = Math.max(max, c);
            total += c;
        }
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            double height = max == 0 ? 0 : (double) counts[i] * PLOT / max;
            columns.add(new Column(i % labelEvery == 0 ? labels.get(i) : "", counts[i], (double) i * COLUMN,
                    PLOT - height, height));
        }
        return new Columns(columns, counts.length * COLUMN, PLOT + 20, PLOT, COLUMN - 4, max, total);
    }
}
