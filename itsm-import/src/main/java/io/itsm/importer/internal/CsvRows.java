package io.itsm.importer.internal;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.itsm.core.ValidationException;
import io.itsm.importer.ColumnMapping;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a CSV export row by row (Jackson's CSV parser: quotes, embedded commas and newlines) and
 * hands out each row's fields by {@link ColumnMapping.Field}, a missing marker or an empty cell
 * read as absent.
 *
 * <p>Not thread-safe.
 */
public final class CsvRows implements Closeable {

  /** One data row. */
  public static final class Row {
    private final long line;
    private final String[] cells;
    private final CsvRows rows;

    Row(long line, String[] cells, CsvRows rows) {
      this.line = line;
      this.cells = cells;
      this.rows = rows;
    }

    /**
     * Returns the row's line in the file (the header is line 1).
     *
     * @return the line
     */
    public long line() {
      return line;
    }

    /**
     * Returns a field's value.
     *
     * @param field the field
     * @return the trimmed value; empty when the source has no such column, the cell is empty or it
     *     holds the missing marker
     */
    public Optional<String> get(ColumnMapping.Field field) {
      Integer i = rows.fieldIndex.get(field);
      return i == null ? Optional.empty() : cell(i);
    }

    /**
     * Returns a column's value by header.
     *
     * @param column the header
     * @return the value, or empty as {@link #get}
     */
    public Optional<String> column(String column) {
      Integer i = rows.headerIndex.get(column);
      return i == null ? Optional.empty() : cell(i);
    }

    private Optional<String> cell(int i) {
      if (i >= cells.length) {
        return Optional.empty();
      }
      String v = cells[i].trim();
      return v.isEmpty() || v.equals(rows.mapping.missing()) ? Optional.empty() : Optional.of(v);
    }
  }

  private final ColumnMapping mapping;
  private final Reader reader;
  private final MappingIterator<String[]> it;
  private final Map<String, Integer> headerIndex = new HashMap<>();
  private final Map<ColumnMapping.Field, Integer> fieldIndex = new LinkedHashMap<>();

  /**
   * Opens a file and reads its header.
   *
   * @param file the CSV file, UTF-8
   * @param mapping the mapping
   * @throws UncheckedIOException if the file cannot be read
   * @throws ValidationException if the header lacks a required column (naming the columns found)
   */
  public CsvRows(Path file, ColumnMapping mapping) {
    this.mapping = mapping;
    try {
      this.reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
      CsvMapper m = new CsvMapper();
      m.enable(CsvParser.Feature.WRAP_AS_ARRAY);
      this.it = m.readerFor(String[].class).readValues(reader);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    if (!it.hasNext()) {
      throw new ValidationException(file + " is empty: expected a header row naming the columns");
    }
    String[] header = it.next();
    for (int i = 0; i < header.length; i++) {
      String h = header[i].trim();
      if (i == 0 && h.startsWith("\uFEFF")) {
        h = h.substring(1);
      }
      headerIndex.putIfAbsent(h, i);
    }
    List<String> missing = new ArrayList<>();
    for (ColumnMapping.Field f : ColumnMapping.Field.values()) {
      mapping.column(f).ifPresent(c -> {
        Integer i = headerIndex.get(c);
        if (i != null) {
          fieldIndex.put(f, i);
        }
      });
    }
    for (ColumnMapping.Field f : new ColumnMapping.Field[] {ColumnMapping.Field.NUMBER,
        ColumnMapping.Field.STATE, ColumnMapping.Field.UPDATED_AT}) {
      if (!fieldIndex.containsKey(f)) {
        missing.add(mapping.column(f).orElseThrow());
      }
    }
    if (!missing.isEmpty()) {
      throw new ValidationException(file + " line 1: the header lacks the column(s) " + missing
          + " that " + mapping.source() + " requires; columns found: " + headerIndex.keySet());
    }
  }

  /**
   * Reads the next row.
   *
   * @return the row, or empty at the end of the file
   * @throws ValidationException if the CSV is malformed (naming the line)
   */
  public Optional<Row> next() {
    try {
      long line = it.getCurrentLocation().getLineNr();
      if (!it.hasNextValue()) {
        return Optional.empty();
      }
      String[] cells = it.nextValue();
      return Optional.of(new Row(line, cells, this));
    } catch (IOException e) {
      throw new ValidationException("malformed CSV near line " + it.getCurrentLocation().getLineNr()
          + ": " + e.getMessage());
    } catch (RuntimeException e) {
      throw new ValidationException("malformed CSV near line " + it.getCurrentLocation().getLineNr()
          + ": " + e.getMessage());
    }
  }

  @Override
  public void close() {
    try {
      it.close();
      reader.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
