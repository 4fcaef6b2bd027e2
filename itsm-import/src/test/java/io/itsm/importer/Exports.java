package io.itsm.importer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds small ServiceNow-style audit exports by hand, one row per update. */
final class Exports {

  static final List<String> COLUMNS = List.of("number", "incident_state", "sys_mod_count",
      "sys_updated_at", "sys_updated_by", "opened_at", "opened_by", "caller_id", "contact_type",
      "location", "category", "subcategory", "u_symptom", "impact", "urgency", "priority",
      "assignment_group", "assigned_to", "reopen_count", "reassignment_count", "made_sla",
      "closed_code", "resolved_by", "resolved_at", "notify");

  private final List<Map<String, String>> rows = new ArrayList<>();

  /**
   * Adds a row; unnamed columns are "?" (missing), as in ServiceNow's export.
   *
   * @param number the incident
   * @param state incident_state
   * @param mod sys_mod_count
   * @param at sys_updated_at
   * @param more column, value, column, value...
   */
  Exports row(String number, String state, int mod, String at, String... more) {
    Map<String, String> r = new LinkedHashMap<>();
    r.put("number", number);
    r.put("incident_state", state);
    r.put("sys_mod_count", Integer.toString(mod));
    r.put("sys_updated_at", at);
    r.put("sys_updated_by", "Updated by 1");
    for (int i = 0; i < more.length; i += 2) {
      r.put(more[i], more[i + 1]);
    }
    rows.add(r);
    return this;
  }

  Path write(Path dir, String name) throws IOException {
    StringBuilder sb = new StringBuilder(String.join(",", COLUMNS)).append('\n');
    for (Map<String, String> r : rows) {
      List<String> cells = new ArrayList<>();
      for (String c : COLUMNS) {
        String v = r.getOrDefault(c, "?");
        cells.add(v.contains(",") ? "\"" + v + "\"" : v);
      }
      sb.append(String.join(",", cells)).append('\n');
    }
    Path p = dir.resolve(name);
    Files.writeString(p, sb.toString(), StandardCharsets.UTF_8);
    return p;
  }
}
