package io.itsm.core.sla;

/**
 * The one primitive every calendar implements: find the next block of working time.
 *
 * <p>All instants are whole epoch seconds: working-time boundaries always fall on whole seconds
 * (the builder rejects fractional seconds), so an instant {@code t} with a fractional part lies
 * inside {@code [start, end)} exactly when its epoch second does.
 *
 * <p>Implementations are immutable and thread-safe; callers pass their own output array.
 */
interface SpanSource {

  /** Marks "no span": stored in {@code out[0]} and {@code out[1]}. */
  long NONE = Long.MAX_VALUE;

  /**
   * Finds the first block of working time {@code [out[0], out[1])} that ends after {@code from}
   * and starts before {@code limit}. The block may start before {@code from} (then it contains
   * {@code from}). Blocks need not be maximal: the next block may start exactly where this one
   * ends. When there is no such block, both entries are {@link #NONE}.
   *
   * @param from epoch second to search from
   * @param limit epoch second at or after which a block start is not reported
   * @param out receives start and end epoch seconds
   */
  void span(long from, long limit, long[] out);

  /**
   * Returns the span source behind a calendar.
   *
   * @param calendar any calendar
   * @return its span source
   */
  static SpanSource of(BusinessCalendar calendar) {
    if (calendar instanceof WorkingHoursCalendar w) {
      return w.spans();
    } else if (calendar instanceof UnionCalendar u) {
      return u.spans();
    } else {
      return ((TwentyFourSeven) calendar).spans();
    }
  }
}
