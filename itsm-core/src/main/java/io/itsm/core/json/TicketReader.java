package io.itsm.core.json;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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
 * <p>Lines end with {@code \n}, {@code \r\n} or {@code \r} ({@code \n} or {@code \r\n} when read
 * from bytes); a byte order mark at the start is ignored. Read from bytes ({@link
 * ItsmJson#ticketReader(InputStream)}), each line is decoded as UTF-8 on its own and strictly: a
 * line with bytes that are not UTF-8 is a failed line naming the byte, and the next line is read as
 * usual. A failure to read the underlying input is thrown as an {@link UncheckedIOException}.
 *
 * <p>Not thread-safe: use one reader from one thread.
 */
public final class TicketReader implements Iterator<TicketLine>, Closeable {

  private final ItsmJson json;
  private final Closeable in;
  private final LineSource lines;
  private long lineNumber;
  private TicketLine next;
  private boolean done;

  TicketReader(ItsmJson json, Reader reader) {
    this.json = json;
    BufferedReader r = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
    this.in = r;
    this.lines = r::readLine;
  }

  TicketReader(ItsmJson json, InputStream bytes) {
    this.json = json;
    Utf8Lines u = new Utf8Lines(bytes);
    this.in = u.in;
    this.lines = u;
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
      while (true) {
        try {
          line = lines.readLine();
        } catch (NotUtf8 e) {
          lineNumber++;
          next = new TicketLine.Failed(lineNumber, new JsonFormatException("$", e.getMessage(),
              lineNumber, e.column, null));
          return true;
        }
        if (line == null) {
          break;
        }
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

  /** Where the lines come from. */
  private interface LineSource {
    /** The next line without its end, or null at the end of the input. */
    String readLine() throws IOException;
  }

  /** A line whose bytes are not UTF-8. */
  private static final class NotUtf8 extends IOException {
    private static final long serialVersionUID = 1L;
    final long column;

    NotUtf8(String message, long column) {
      super(message);
      this.column = column;
    }
  }

  /** Lines of UTF-8 bytes, each decoded on its own so that a bad byte spoils only its line. */
  private static final class Utf8Lines implements LineSource {
    final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    private byte[] buf = new byte[256];

    Utf8Lines(InputStream in) {
      this.in = in instanceof BufferedInputStream ? in : new BufferedInputStream(in, 65_536);
    }

    @Override
    public String readLine() throws IOException {
      int n = 0;
      int b;
      while ((b = in.read()) != -1 && b != '\n') {
        if (n == buf.length) {
          buf = Arrays.copyOf(buf, n * 2);
        }
        buf[n++] = (byte) b;
      }
      if (b == -1 && n == 0) {
        return null;
      }
      if (n > 0 && buf[n - 1] == '\r') {
        n--;
      }
      ByteBuffer bytes = ByteBuffer.wrap(buf, 0, n);
      try {
        return decoder.reset().decode(bytes).toString();
      } catch (CharacterCodingException e) {
        int at = bytes.position();
        throw new NotUtf8("not UTF-8: byte 0x" + String.format("%02X", buf[at] & 0xFF)
            + " at byte " + (at + 1) + " of the line does not belong to a UTF-8 character; save"
            + " the input as UTF-8", at + 1);
      }
    }
  }
}
