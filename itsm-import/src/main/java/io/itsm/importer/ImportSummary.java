package io.itsm.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What an import did: rows read, incidents and events imported, rows the lifecycle (or the
 * parser) refused with line and reason, and how the imported histories compare with the export's
 * own fields (reopen count, reassignment count, SLA made, resolution time).
 *
 * <p>Immutable and thread-safe.
 *
 * @param source the file imported
 * @param rows data rows read (the header not counted)
 * @param incidents incidents logged
 * @param events events stored for them
 * @param rowsWithoutChange rows applied that changed nothing the desk records (another field of
 *     the source changed)
 * @param timesAdjusted rows whose time was before the incident's previous change, applied at that
 *     change's time (an incident's history never goes back in time)
 * @param rejected rows refused, in total
 * @param rejectedByReason rows refused per reason, most frequent first
 * @param rejections the first refused rows with their line and message (at most {@link
 *     HistoryImport#KEPT_REJECTIONS})
 * @param reopenCount the source's reopen count against the imported reopens
 * @param reassignmentCount the source's reassignment count against the imported reassignments
 * @param madeSla the source's "made SLA" against the imported resolution clock (met or missed)
 * @param resolvedAt the source's resolution time against the imported last resolution, to the
 *     minute
 */
public record ImportSummary(
    String source,
    long rows,
    long incidents,
    long events,
    long rowsWithoutChange,
    long timesAdjusted,
    long rejected,
    Map<String, Long> rejectedByReason,
    List<RejectedRow> rejections,
    Agreement reopenCount,
    Agreement reassignmentCount,
    Agreement madeSla,
    Agreement resolvedAt) {

  /**
   * Copies the components.
   *
   * @throws NullPointerException if a component is null
   */
  public ImportSummary {
    Objects.requireNonNull(source, "source");
    rejectedByReason = Map.copyOf(rejectedByReason);
    rejections = List.copyOf(rejections);
    Objects.requireNonNull(reopenCount, "reopenCount");
    Objects.requireNonNull(reassignmentCount, "reassignmentCount");
    Objects.requireNonNull(madeSla, "madeSla");
    Objects.requireNonNull(resolvedAt, "resolvedAt");
  }

  /**
   * A refused row.
   *
   * @param line the line of the file (1 is the header)
   * @param number the incident's number
   * @param reason the reason, as counted in {@link #rejectedByReason}
   * @param message the full message
   */
  public record RejectedRow(long line, String number, String reason, String message) {}

  /**
   * How many incidents agree with the source on one field.
   *
   * @param agree incidents where the import gives the source's value
   * @param differ incidents where it gives another value
   * @param notComparable incidents where one side has no value (missing in the export, or a clock
   *     still running)
   */
  public record Agreement(long agree, long differ, long notComparable) {

    /**
     * Returns the share of comparable incidents that agree.
     *
     * @return agree / (agree + differ), or 1 when nothing was comparable
     */
    public double share() {
      return agree + differ == 0 ? 1 : (double) agree / (agree + differ);
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%,d agree, %,d differ (%.1f %% agree), %,d not comparable",
          agree, differ, 100 * share(), notComparable);
    }
  }

  /**
   * Describes the summary for people, one fact per line.
   *
   * @return the text
   */
  public String describe() {
    List<String> l = new ArrayList<>();
    l.add(String.format(Locale.ROOT, "imported %s: %,d rows, %,d incidents, %,d events", source,
        rows, incidents, events));
    l.add(String.format(Locale.ROOT, "rows rejected: %,d", rejected));
    rejectedByReason.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> l.add(String.format(Locale.ROOT, "  %,8d  %s", e.getValue(), e.getKey())));
    if (rowsWithoutChange > 0) {
      l.add(String.format(Locale.ROOT, "rows without a change the desk records: %,d", rowsWithoutChange));
    }
    if (timesAdjusted > 0) {
      l.add(String.format(Locale.ROOT,
          "rows dated before the incident's previous change (applied at that time): %,d", timesAdjusted));
    }
    l.add("compared with the export's own fields:");
    l.add("  reopen_count:       " + reopenCount);
    l.add("  reassignment_count: " + reassignmentCount);
    l.add("  made_sla:           " + madeSla);
    l.add("  resolved_at:        " + resolvedAt);
    return String.join(System.lineSeparator(), l);
  }
}
