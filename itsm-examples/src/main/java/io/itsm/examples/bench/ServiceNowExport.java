package io.itsm.examples.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes a synthetic ServiceNow incident audit export (the columns and value formats of a real
 * one: {@code d/m/yyyy HH:mm} dates, {@code ?} for missing values, "1 - High" impacts…) with
 * realistic paths: most incidents are assigned, worked, sometimes put on hold for the user or a
 * vendor, resolved and closed; some are resolved at first contact, reopened, reassigned, or closed
 * without a resolution; many rows change only fields the desk does not record. About six rows per incident, like the public event log of 24,918
 * incidents in 141,712 rows. Deterministic for a seed.
 *
 * <p>Not thread-safe.
 */
public final class ServiceNowExport {

  private static final String HEADER = "number,incident_state,active,reassignment_count,reopen_count,"
      + "sys_mod_count,made_sla,caller_id,opened_by,opened_at,sys_created_by,sys_created_at,"
      + "sys_updated_by,sys_updated_at,contact_type,location,category,subcategory,u_symptom,cmdb_ci,"
      + "impact,urgency,priority,assignment_group,assigned_to,knowledge,u_priority_confirmation,"
      + "notify,problem_id,rfc,vendor,caused_by,closed_code,resolved_by,resolved_at,closed_at";
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d/M/yyyy HH:mm");
  private static final String[] CONTACT = {"Phone", "Phone", "Phone", "Email", "Self service", "IVR", "Direct opening"};
  private static final String[] LEVELS = {"1 - High", "2 - Medium", "3 - Low"};
  private static final String[] PRIORITIES = {"1 - Critical", "2 - High", "3 - Moderate", "4 - Low"};

  private ServiceNowExport() {}

  /**
   * Writes an export.
   *
   * @param file the file to write
   * @param incidents how many incidents
   * @param seed the random seed
   * @return the number of data rows written
   * @throws IOException if the file cannot be written
   */
  public static long write(Path file, int incidents, long seed) throws IOException {
    Random r = new Random(seed);
    long rows = 0;
    LocalDateTime start = LocalDateTime.of(2016, 2, 29, 0, 0);
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write(HEADER);
      w.newLine();
      for (int i = 0; i < incidents; i++) {
        List<String[]> out = incident(r, i, start.plusMinutes((long) i * 525_600 / 4 / Math.max(1, incidents)));
        for (String[] row : out) {
          w.write(String.join(",", row));
          w.newLine();
        }
        rows += out.size();
      }
    }
    return rows;
  }

  private static List<String[]> incident(Random r, int i, LocalDateTime opened) {
    String number = String.format("INC%07d", i + 1);
    int impact = r.nextInt(3);
    int urgency = r.nextInt(3);
    int priority = Math.min(3, (impact + urgency + 1) / 2 + (r.nextInt(4) == 0 ? 1 : 0));
    String category = "Category " + (1 + r.nextInt(40));
    String sub = "Subcategory " + (1 + r.nextInt(200));
    String group = "Group " + (1 + r.nextInt(60));
    String resolver = "Resolver " + (1 + r.nextInt(200));
    String caller = "Caller " + (1 + r.nextInt(5000));
    String contact = CONTACT[r.nextInt(CONTACT.length)];
    String code = "code " + (1 + r.nextInt(17));
    Row base = new Row(number, caller, "Opened by " + (1 + r.nextInt(200)), DATE.format(opened),
        contact, "Location " + (1 + r.nextInt(200)), category, sub, "Symptom " + (1 + r.nextInt(300)),
        LEVELS[impact], LEVELS[urgency], PRIORITIES[priority]);
    List<String[]> rows = new ArrayList<>();
    LocalDateTime t = opened.plusMinutes(1 + r.nextInt(10));
    int path = r.nextInt(100);
    if (path < 8) { // first-contact resolution
      t = t.plusMinutes(5 + r.nextInt(20));
      rows.add(base.row("Resolved", t, "?", "?", 0, 0, code, t));
      rows.add(base.row("Closed", t.plusDays(5), "?", "?", 0, 0, code, t));
      return rows;
    }
    rows.add(base.row("New", t, group, "?", 0, 0, "?", null));
    if (r.nextInt(2) == 0) { // another update of a field the desk does not record
      t = t.plusMinutes(1 + r.nextInt(30));
      rows.add(base.row("New", t, group, "?", 0, 0, "?", null));
    }
    if (path < 12) { // a duplicate, closed without a resolution
      rows.add(base.row("Closed", t.plusHours(1 + r.nextInt(5)), group, "?", 0, 0, "?", null));
      return rows;
    }
    t = t.plusMinutes(10 + r.nextInt(240));
    rows.add(base.row("Active", t, group, resolver, 0, 0, "?", null));
    if (r.nextInt(10) < 7) {
      t = t.plusMinutes(5 + r.nextInt(120));
      rows.add(base.row("Active", t, group, resolver, 0, 0, "?", null));
    }
    int reassigned = 0;
    if (r.nextInt(4) == 0) {
      group = "Group " + (1 + r.nextInt(60));
      resolver = "Resolver " + (1 + r.nextInt(200));
      reassigned = 1;
      t = t.plusMinutes(30 + r.nextInt(600));
      rows.add(base.row("Active", t, group, resolver, reassigned, 0, "?", null));
    }
    if (r.nextInt(3) == 0) {
      t = t.plusMinutes(30 + r.nextInt(600));
      String hold = r.nextBoolean() ? "Awaiting User Info" : r.nextInt(3) == 0 ? "Awaiting Problem" : "Awaiting Vendor";
      rows.add(base.row(hold, t, group, resolver, reassigned, 0, "?", null));
      t = t.plusMinutes(60 + r.nextInt(2880));
      rows.add(base.row("Active", t, group, resolver, reassigned, 0, "?", null));
    }
    t = t.plusMinutes(30 + r.nextInt(1440));
    LocalDateTime resolvedAt = t;
    rows.add(base.row("Resolved", t, group, resolver, reassigned, 0, code, resolvedAt));
    int reopens = 0;
    if (r.nextInt(20) == 0) {
      reopens = 1;
      t = t.plusMinutes(60 + r.nextInt(1440));
      rows.add(base.row("Active", t, group, resolver, reassigned, reopens, "?", null));
      t = t.plusMinutes(30 + r.nextInt(1440));
      resolvedAt = t;
      rows.add(base.row("Resolved", t, group, resolver, reassigned, reopens, code, resolvedAt));
    }
    rows.add(base.row("Closed", t.plusDays(5), group, resolver, reassigned, reopens, code, resolvedAt));
    return rows;
  }

  private record Row(String number, String caller, String openedBy, String openedAt, String contact,
      String location, String category, String sub, String symptom, String impact, String urgency,
      String priority) {

    private static int mod;

    String[] row(String state, LocalDateTime at, String group, String assignee, int reassign,
        int reopen, String code, LocalDateTime resolvedAt) {
      String when = DATE.format(at);
      boolean active = !state.equals("Resolved") && !state.equals("Closed");
      return new String[] {number, state, Boolean.toString(active), Integer.toString(reassign),
          Integer.toString(reopen), Integer.toString(mod++), Boolean.toString(true), caller, openedBy,
          openedAt, openedBy, openedAt, "Updated by " + (mod % 900), when, contact, location,
          category, sub, symptom, "?", impact, urgency, priority, group, assignee, "false",
          "false", "Do Not Notify", "?", "?", "?", "?", code,
          resolvedAt == null ? "?" : "Resolved by " + (mod % 200), resolvedAt == null ? "?" : DATE.format(resolvedAt),
          state.equals("Closed") ? when : "?"};
    }
  }

  /**
   * Writes an export from the command line.
   *
   * @param args file, incidents, seed (default 25,000 and 1)
   * @throws IOException if the file cannot be written
   */
  public static void main(String[] args) throws IOException {
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 25_000;
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 1;
    System.out.println(write(Path.of(args[0]), n, seed) + " rows");
  }
}
