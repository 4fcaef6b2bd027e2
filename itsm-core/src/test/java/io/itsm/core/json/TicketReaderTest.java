package io.itsm.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TicketReaderTest {

  private final ItsmJson json = ItsmJson.defaults();

  @Test
  void badLineInTheMiddle_isReportedWithItsLineNumber_andTheOthersAreRead() throws IOException {
    String text =
        json.writeTicket(Fixtures.fullTicket())
            + "\n"
            + "\n"
            + "{\"title\":\"Mail down\",\"channel\":\"FAX\"}\n"
            + "   \n"
            + json.writeTicket(Fixtures.minimalTicket())
            + "\n";

    List<TicketLine> lines = new ArrayList<>();
    try (TicketReader reader = json.ticketReader(new StringReader(text))) {
      reader.forEachRemaining(lines::add);
    }

    assertThat(lines).extracting(TicketLine::lineNumber).containsExactly(1L, 3L, 5L);
    assertThat(lines.get(0).orElseThrow()).isEqualTo(Fixtures.fullTicket());
    assertThat(lines.get(2).ticket()).contains(Fixtures.minimalTicket());
    TicketLine.Failed failed = (TicketLine.Failed) lines.get(1);
    assertThat(failed.ticket()).isEmpty();
    assertThat(failed.error().getLine()).hasValue(3);
    assertThat(failed.error().getColumn()).hasValue(32);
    assertThat(failed.error().getPath()).isEqualTo("$.channel");
    assertThat(failed.error().getMessage())
        .isEqualTo(
            "channel: 'FAX' is not one of PHONE, EMAIL, CHAT, PORTAL, MONITORING, WALK_IN"
                + " (line 3, column 32)");
    assertThatThrownBy(failed::orElseThrow).isSameAs(failed.error());
  }

  @Test
  void malformedLine_hasTheFileLine() {
    String text = "{\"title\":\"a\"}\r\n{\"title\": \"b\"\r\n{\"title\":\"c\"}";

    List<TicketLine> lines =
        json.ticketReader(new StringReader(text)).stream().collect(Collectors.toList());

    assertThat(lines).extracting(TicketLine::lineNumber).containsExactly(1L, 2L, 3L);
    assertThat(lines.get(1)).isInstanceOf(TicketLine.Failed.class);
    JsonFormatException e = ((TicketLine.Failed) lines.get(1)).error();
    assertThat(e.getLine()).hasValue(2);
    assertThat(e.getProblem()).startsWith("malformed JSON");
    assertThat(lines.get(2).orElseThrow().title()).isEqualTo("c");
  }

  @Test
  void utf8BytesWithByteOrderMark_areRead() {
    byte[] bytes = ("\uFEFF{\"title\":\"Drucker blockiert – 3. OG\"}\n").getBytes(StandardCharsets.UTF_8);

    List<TicketLine> lines = json.ticketReader(new ByteArrayInputStream(bytes)).stream().toList();

    assertThat(lines).singleElement().extracting(l -> l.orElseThrow().title())
        .isEqualTo("Drucker blockiert – 3. OG");
  }

  @Test
  void bytesThatAreNotUtf8_failTheirLineOnly_namingTheByte() {
    byte[] good = "{\"title\":\"caf\u00e9 \ud83d\ude00\"}\r\n".getBytes(StandardCharsets.UTF_8);
    byte[] bad = {'{', '"', 't', 'i', 't', 'l', 'e', '"', ':', '"', 'c', 'a', 'f', (byte) 0xE9, '"', '}', '\n'};
    byte[] all = new byte[good.length * 2 + bad.length];
    System.arraycopy(good, 0, all, 0, good.length);
    System.arraycopy(bad, 0, all, good.length, bad.length);
    System.arraycopy(good, 0, all, good.length + bad.length, good.length);

    List<TicketLine> lines = json.ticketReader(new ByteArrayInputStream(all)).stream().toList();

    assertThat(lines).extracting(TicketLine::lineNumber).containsExactly(1L, 2L, 3L);
    assertThat(lines.get(0).orElseThrow().title()).isEqualTo("caf\u00e9 \ud83d\ude00");
    JsonFormatException e = ((TicketLine.Failed) lines.get(1)).error();
    assertThat(e.getProblem()).contains("byte 0xE9 at byte 14 of the line").contains("save the input as UTF-8");
    assertThat(e.getLine()).hasValue(2);
    assertThat(lines.get(2).orElseThrow().title()).isEqualTo("caf\u00e9 \ud83d\ude00");
  }

  @Test
  void aLoneSurrogateInAnyString_isRefused_whileAWholePairIsRead() {
    String text = "{\"title\":\"a\",\"description\":\"x\\udc00y\"}\n"
        + "{\"title\":\"b\",\"tags\":[\"ok\",\"\\ud83d\"]}\n"
        + "{\"title\":\"\\ud83d\\ude00\"}\n";

    List<TicketLine> lines = json.ticketReader(new StringReader(text)).stream().toList();

    assertThat(((TicketLine.Failed) lines.get(0)).error().getMessage())
        .contains("description").contains("lone surrogate \\uDC00 at character 2");
    assertThat(((TicketLine.Failed) lines.get(1)).error().getMessage())
        .contains("tags").contains("lone surrogate \\uD83D");
    assertThat(lines.get(2).orElseThrow().title()).isEqualTo("\ud83d\ude00");
  }

  @Test
  void aBlankId_isRefused_ratherThanTakenForNone() {
    List<TicketLine> lines = json.ticketReader(new StringReader("{\"id\":\" \",\"title\":\"a\"}\n"))
        .stream().toList();

    assertThat(((TicketLine.Failed) lines.get(0)).error().getMessage())
        .contains("id must not be blank").contains("leave \"id\" out");
  }

  @Test
  void emptyInput_givesNoLines() {
    TicketReader reader = json.ticketReader(new StringReader("\n\n  \n"));

    assertThat(reader.hasNext()).isFalse();
    assertThat(reader.lineNumber()).isEqualTo(3);
    assertThatThrownBy(reader::next).isInstanceOf(NoSuchElementException.class);
  }

  @Test
  void manyLines_areReadOneAtATime() {
    int count = 5_000;
    Reader generated =
        new Reader() {
          private int line;
          private String pending = "";
          private int pos;

          @Override
          public int read(char[] buf, int off, int len) {
            if (pos == pending.length()) {
              if (line == count) {
                return -1;
              }
              line++;
              pending = "{\"title\":\"ticket " + line + "\",\"affectedUsers\":" + line + "}\n";
              pos = 0;
            }
            int n = Math.min(len, pending.length() - pos);
            pending.getChars(pos, pos + n, buf, off);
            pos += n;
            return n;
          }

          @Override
          public void close() {}
        };

    try (var lines = json.ticketReader(generated).stream()) {
      long sum = lines.mapToLong(l -> l.orElseThrow().affectedUsers()).sum();
      assertThat(sum).isEqualTo((long) count * (count + 1) / 2);
    }
  }
}
