package io.itsm.rules.knowledge.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.apache.lucene.util.BytesRef;

/**
 * What a search needs of one indexed translation besides its score, kept as one binary doc value
 * (read for the best few documents only, without the block decompression of stored fields): the
 * article id, language, revision, kind, title, workaround and where its stems occur ({@link
 * WeightedStems#where()}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the article id
 * @param language the translation's language
 * @param revision the article's revision when indexed
 * @param kind the article kind's name
 * @param title the translation's title
 * @param workaround the translation's workaround, or null
 * @param where where each stem occurs
 */
public record IndexedText(String id, String language, long revision, String kind, String title,
    String workaround, String where) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component other than the workaround is null
   */
  public IndexedText {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(where, "where");
  }

  /**
   * Encodes this for a binary doc value.
   *
   * @return the bytes
   */
  public BytesRef toBytes() {
    byte[][] parts = {bytes(id), bytes(language), bytes(kind), bytes(title),
        workaround == null ? null : bytes(workaround), bytes(where)};
    int size = Long.BYTES;
    for (byte[] p : parts) {
      size += Integer.BYTES + (p == null ? 0 : p.length);
    }
    ByteBuffer b = ByteBuffer.allocate(size).putLong(revision);
    for (byte[] p : parts) {
      if (p == null) {
        b.putInt(-1);
      } else {
        b.putInt(p.length).put(p);
      }
    }
    return new BytesRef(b.array());
  }

  /**
   * Decodes {@link #toBytes()}.
   *
   * @param ref the bytes
   * @return the text
   */
  public static IndexedText of(BytesRef ref) {
    ByteBuffer b = ByteBuffer.wrap(ref.bytes, ref.offset, ref.length);
    long revision = b.getLong();
    String[] parts = new String[6];
    for (int i = 0; i < parts.length; i++) {
      int n = b.getInt();
      if (n >= 0) {
        parts[i] = new String(ref.bytes, ref.offset + b.position(), n, StandardCharsets.UTF_8);
        b.position(b.position() + n);
      }
    }
    return new IndexedText(parts[0], parts[1], revision, parts[2], parts[3], parts[4], parts[5]);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
