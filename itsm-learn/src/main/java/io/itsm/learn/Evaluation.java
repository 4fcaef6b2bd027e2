package io.itsm.learn;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Cross-validated figures of a model: every labelled ticket predicted once by a model trained
 * without it ({@code k}-fold), pooled.
 *
 * <p>Immutable and thread-safe.
 *
 * @param folds the number of folds
 * @param tickets how many tickets were predicted
 * @param accuracy the share predicted right
 * @param macroF1 the mean F1 over the labels
 * @param majorityShare the share of the most frequent label (what always guessing it scores)
 * @param perLabel precision, recall and F1 of each label, in label order
 * @param labels the labels, in the order of the confusion matrix
 * @param confusion {@code confusion[truth][predicted]} counts
 */
public record Evaluation(
    int folds,
    int tickets,
    double accuracy,
    double macroF1,
    double majorityShare,
    List<LabelMetrics> perLabel,
    List<String> labels,
    int[][] confusion) {

  /**
   * The figures of one label.
   *
   * @param label the label
   * @param precision right among those predicted as it
   * @param recall found among those that are it
   * @param f1 the harmonic mean of both
   * @param support how many tickets are it
   */
  public record LabelMetrics(String label, double precision, double recall, double f1, int support) {}

  /**
   * Compacts the main figures for a model file's header.
   *
   * @return {@code accuracy}, {@code macroF1}, {@code majorityShare}, {@code folds}
   */
  public Map<String, Double> summary() {
    return Map.of(
        "accuracy", round(accuracy), "macroF1", round(macroF1),
        "majorityShare", round(majorityShare), "folds", (double) folds);
  }

  private static double round(double d) {
    return Math.round(d * 10_000) / 10_000.0;
  }

  /**
   * Formats the figures as the {@code itsm learn} command prints them.
   *
   * @return text with the totals, a per-label table and the confusion matrix
   */
  public String format() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT,
        "%d-fold cross-validation on %d tickets: accuracy %.3f, macro-F1 %.3f"
            + " (always guessing the most frequent label: %.3f)%n",
        folds, tickets, accuracy, macroF1, majorityShare));
    int width = Math.max(5, labels.stream().mapToInt(String::length).max().orElse(5));
    sb.append(String.format(Locale.ROOT, "%n%-" + width + "s  precision  recall     F1  support%n",
        "label"));
    for (LabelMetrics m : perLabel) {
      sb.append(String.format(Locale.ROOT, "%-" + width + "s  %9.3f  %6.3f  %5.3f  %7d%n",
          m.label(), m.precision(), m.recall(), m.f1(), m.support()));
    }
    sb.append(String.format(Locale.ROOT, "%nconfusion (rows: true label, columns: predicted)%n"));
    int rowWidth = width + 4 + String.valueOf(labels.size()).length();
    sb.append(String.format(Locale.ROOT, "%-" + rowWidth + "s", ""));
    for (int j = 0; j < labels.size(); j++) {
      sb.append(String.format(Locale.ROOT, " %6s", "[" + j + "]"));
    }
    sb.append('\n');
    for (int i = 0; i < labels.size(); i++) {
      sb.append(String.format(Locale.ROOT, "%-" + rowWidth + "s", "[" + i + "] " + labels.get(i)));
      for (int j = 0; j < labels.size(); j++) {
        sb.append(String.format(Locale.ROOT, " %6d", confusion[i][j]));
      }
      sb.append('\n');
    }
    return sb.toString();
  }
}
