package io.itsm.core.json;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Reads tickets from JSON Lines text: one JSON ticket object per line. Blank lines are skipped;
 * every other line gives one {@link TicketLine}, either the ticket or the error with the line
 * number, so a caller can report {@code "line 17: ..."} and go on or stop. Lines are read one at a
 * time: memory use does not grow with the number of lines.
 *
 * <pre>{@code
 * try (TicketReader reader = ItsmJson.defaults().ticketReader(Files.newBufferedReader(path))) {
 *   reader.stream().forEach(line -> ...);
 * }
 * }</pre>
 *
 * <p>Lines end with {@code \n}, {@code \r\n} or {@code \r}; a byte order mark at the start is
 * ignored. A failure to read the underlying text is thrown as an {@link UncheckedIOException}.
 *
 * <p>Not thread-safe: use one reader from one thread.
 */
public final class TicketReader implements Iterator<TicketLine>, Closeable {

  private final ItsmJson json;
  private final BufferedReader in;
  private long lineNumber;
  private TicketLine next;
  private boolean done;

  TicketReader(ItsmJson json, Reader reader) {
    this.json = json;
    this.in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
  }

  /**
   * Returns whether another non-blank line follows.
   *
   * @return {@code true} if {@link #next()} will return a line
   * @throws UncheckedIOException if reading fails
   */
  @Override
  public boolean hasNext() {
    if (next != null) {
      return true;
    }
    if (done) {
      return false;
    }
    try {
      String line;
      while ((line = in.readLine()) != null) {
        lineNumber++;
        if (lineNumber == 1 && line.startsWith("\uFEFF")) {
          line = line.substring(1);
        }
        if (!line.isBlank()) {
          next = parse(line, lineNumber);
          return true;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    done = true;
    return false;
  }

  private TicketLine parse(String line, long number) {
    try {
      return new TicketLine.Parsed(number, json.readTicketLine(line));
    } catch (JsonFormatException e) {
      return new TicketLine.Failed(number, e.atLine(number));
    }
  }

  /**
   * Returns the next non-blank line, read.
   *
   * @return the ticket or the error of that line
   * @throws NoSuchElementException if no line follows
   * @throws UncheckedIOException if reading fails
   */
  @Override
  public TicketLine next() {
    if (!hasNext()) {
      throw new NoSuchElementException("no more lines after line " + lineNumber);
    }
    TicketLine line = next;
    next = null;
    return line;
  }

  /**
   * Returns the remaining lines as a sequential stream; closing the stream closes this reader.
   *
   * @return the stream
   */
  public Stream<TicketLine> stream() {
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL),
            false)
        .onClose(this::closeUnchecked);
  }

  /**
   * Returns the number of the last line read so far, blank ones included.
   *
   * @return the line number, 0 before the first
   */
  public long lineNumber() {
    return lineNumber;
  }

  /**
   * Closes the underlying text.
   *
   * @throws IOException if closing fails
   */
  @Override
  public void close() throws IOException {
    done = true;
    next = null;
    in.close();
  }

  private void closeUnchecked() {
    try {
      close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
