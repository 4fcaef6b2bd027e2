package io.itsm.kafka;

import java.util.List;

/**
 * The headers of a dead letter: a record of the tickets topic that could not be read or triaged,
 * copied to the dead-letter topic with its original key, value, timestamp and headers, plus these
 * headers (UTF-8 text) saying what went wrong and where it came from. Nothing is dropped: every
 * input record gives either a decision or a dead letter.
 *
 * <p>Not instantiable; constants only.
 */
public final class DeadLetterHeaders {

  /** What went wrong, one of {@link #KINDS}. */
  public static final String KIND = "itsm.error.kind";

  /** The error in words, for example {@code "$.title: missing, a ticket needs a title"}. */
  public static final String MESSAGE = "itsm.error.message";

  /** For JSON errors: where in the value, as a JSON path ({@code "$.impact"}). */
  public static final String PATH = "itsm.error.path";

  /** For rule failures: the rule that failed. */
  public static final String RULE = "itsm.error.rule";

  /** For rule failures: where the failing code is, {@code file:line}, when known. */
  public static final String LOCATION = "itsm.error.location";

  /** The topic the record was read from. */
  public static final String SOURCE_TOPIC = "itsm.source.topic";

  /** The partition it was read from (decimal). */
  public static final String SOURCE_PARTITION = "itsm.source.partition";

  /** Its offset there (decimal). */
  public static final String SOURCE_OFFSET = "itsm.source.offset";

  /** The rules version that was serving (decimal), as in the status topic. */
  public static final String RULES_VERSION = "itsm.rules.version";

  /** Kind: the value is empty or null (a tombstone). */
  public static final String KIND_EMPTY = "empty-value";

  /** Kind: the value is not JSON (or not UTF-8). */
  public static final String KIND_MALFORMED_JSON = "malformed-json";

  /** Kind: the value is JSON but not a valid ticket (a missing title, an unknown impact ...). */
  public static final String KIND_INVALID_TICKET = "invalid-ticket";

  /** Kind: neither the record key nor the ticket has an id. */
  public static final String KIND_NO_ID = "no-id";

  /** Kind: the record key and the ticket's id differ. */
  public static final String KIND_KEY_MISMATCH = "key-mismatch";

  /** Kind: the rules failed on this ticket (a rule threw, looped, or ran past its time budget). */
  public static final String KIND_TRIAGE_FAILED = "triage-failed";

  /** Every kind, in the order above. */
  public static final List<String> KINDS = List.of(KIND_EMPTY, KIND_MALFORMED_JSON,
      KIND_INVALID_TICKET, KIND_NO_ID, KIND_KEY_MISMATCH, KIND_TRIAGE_FAILED);

  private DeadLetterHeaders() {}
}
