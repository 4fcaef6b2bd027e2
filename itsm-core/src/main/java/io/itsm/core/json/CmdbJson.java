package io.itsm.core.json;

import io.itsm.core.cmdb.ChangeEvent;
import io.itsm.core.cmdb.ChangePlan;
import io.itsm.core.cmdb.ChangeRequest;
import io.itsm.core.cmdb.CiDefinition;
import io.itsm.core.cmdb.CiEvent;
import io.itsm.core.cmdb.CmdbExport;
import io.itsm.core.cmdb.ConfigurationItem;
import io.itsm.core.cmdb.ImpactAnalysis;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * The JSON form of the CMDB: configuration items, their events, a CMDB backup, impact analyses,
 * change requests and their events, in the format of docs/cmdb.md ("JSON"). Records are written
 * by their components in declaration order, events with {@code "type"} first (the simple name of
 * the record), under the general rules of docs/json.md; reading is as strict as for tickets:
 * unknown properties, wrong types and values the model rejects are {@link JsonFormatException}s
 * naming the JSON path and the allowed values.
 *
 * <pre>{@code
 * CmdbJson json = ItsmJson.defaults().cmdb();
 * String backup = json.writeExport(cmdb.export(admin));
 * emptyCmdb.importFrom(admin, json.readExport(backup));
 * }</pre>
 *
 * <p>Immutable and thread-safe; get it from {@link ItsmJson#cmdb()}.
 */
public final class CmdbJson {

  private final ItsmJson json;

  CmdbJson(ItsmJson json) {
    this.json = json;
  }

  // ---------------------------------------------------------------- items

  /**
   * Writes a configuration item's definition.
   *
   * @param definition the definition
   * @return the JSON text
   * @throws NullPointerException if {@code definition} is null
   */
  public String writeDefinition(CiDefinition definition) {
    return json.write(Objects.requireNonNull(definition, "definition"), CiDefinition.class);
  }

  /**
   * Reads a configuration item's definition (what {@code Cmdb.register} takes).
   *
   * @param text the JSON text
   * @return the definition
   * @throws NullPointerException if {@code text} is null
   * @throws JsonFormatException if the text is not a valid definition
   */
  public CiDefinition readDefinition(String text) {
    return ItsmJson.read(text, CiDefinition.class);
  }

  /**
   * Writes a stored configuration item: its definition's fields, relations, status, times and
   * version, in one object.
   *
   * @param item the item
   * @return the JSON text
   * @throws NullPointerException if {@code item} is null
   */
  public String writeItem(ConfigurationItem item) {
    return json.write(Objects.requireNonNull(item, "item"), ConfigurationItem.class);
  }

  /**
   * Reads a stored configuration item.
   *
   * @param text the JSON text
   * @return the item
   * @throws NullPointerException if {@code text} is null
   * @throws JsonFormatException if the text is not a valid item
   */
  public ConfigurationItem readItem(String text) {
    return ItsmJson.read(text, ConfigurationItem.class);
  }

  /**
   * Writes a configuration item event, its {@code "type"} first.
   *
   * @param event the event
   * @return the JSON text
   * @throws NullPointerException if {@code event} is null
   */
  public String writeEvent(CiEvent event) {
    return json.write(Objects.requireNonNull(event, "event"), CiEvent.class);
  }

  /**
   * Reads a configuration item event; its {@code "type"} names the event record.
   *
   * @param text the JSON text
   * @return the event
   * @throws NullPointerException if {@code text} is null
   * @throws JsonFormatException if the text is not a valid event
   */
  public CiEvent readEvent(String text) {
    return ItsmJson.read(text, CiEvent.class);
  }

  // ---------------------------------------------------------------- backup

  /**
   * Writes a CMDB backup: {@code {"formatVersion": 1, "exportedAt": ..., "items": [{"id": ...,
   * "events": [...]}, ...]}}.
   *
   * @param backup the backup
   * @return the JSON text
   * @throws NullPointerException if {@code backup} is null
   */
  public String writeExport(CmdbExport backup) {
    return json.write(Objects.requireNonNull(backup, "backup"), CmdbExport.class);
  }

  /**
   * Reads a CMDB backup.
   *
   * @param text the JSON text
   * @return the backup
   * @throws NullPointerException if {@code text} is null
   * @throws JsonFormatException if the text is not a valid backup (an item appearing twice
   *     included)
   */
  public CmdbExport readExport(String text) {
    return ItsmJson.read(text, CmdbExport.class);
  }

  /**
   * Reads a CMDB backup from a character stream. Does not close it.
   *
   * @param text the JSON text
   * @return the backup
   * @throws NullPointerException if {@code text} is null
   * @throws JsonFormatException if the text is not a valid backup
   * @throws UncheckedIOException if reading fails
   */
  public CmdbExport readExport(Reader text) {
    return ItsmJson.read(text, CmdbExport.class);
  }

  // ---------------------------------------------------------------- impact

  /**
   * Writes an impact analysis.
   *
   * @param analysis the analysis
   * @return the JSON text
   * @throws NullPointerException if {@code analysis} is null
   */
  public String writeImpact(ImpactAnalysis analysis) {
    return json.write(Objects.requireNonNull(analysis, "analysis"), ImpactAnalysis.class);
  }

  /**
   * Reads an impact analysis.
   *
   * @param text the JSON text
   * @return the analysis
   * @throws NullPointerException if {@code text} is null
   * @throws JsonFormatException if the text is not a valid analysis
   */
  public ImpactAnalysis readImpact(String text) {
    return ItsmJson.read(text, ImpactAnalysis.class);
  }

  // ---------------------------------------------------------------- change requests

  /**
   * Writes a change plan (what {@code ChangeRequests.request} takes).
   *
   * @param plan the plan
   * @return the JSON text
   * @throws NullPointerException if {@code plan} is null
   */
  public String writePlan(ChangePlan plan) {
    return json.write(Objects.requireNonNull(plan, "plan"), ChangePlan.class);
  }

  /**
   * Reads a change plan.
   *
   * @param text the JSON text
   * @return the plan
   * @throws NullPointerException if {@code text} is null
   * @throws JsonFormatException if the text is not a valid plan
   */
  public ChangePlan readPlan(String text) {
    return ItsmJson.read(text, ChangePlan.class);
  }

  /**
   * Writes a change request.
   *
   * @param change the change
   * @return the JSON text
   * @throws NullPointerException if {@code change} is null
   */
  public String writeChange(ChangeRequest change) {
    return json.write(Objects.requireNonNull(change, "change"), ChangeRequest.class);
  }

  /**
   * Reads a change request.
   *
   * @param text the JSON text
   * @return the change
   * @throws NullPointerException if {@code text} is null
   * @throws JsonFormatException if the text is not a valid change request
   */
  public ChangeRequest readChange(String text) {
    return ItsmJson.read(text, ChangeRequest.class);
  }

  /**
   * Writes a change request event, its {@code "type"} first.
   *
   * @param event the event
   * @return the JSON text
   * @throws NullPointerException if {@code event} is null
   */
  public String writeChangeEvent(ChangeEvent event) {
    return json.write(Objects.requireNonNull(event, "event"), ChangeEvent.class);
  }

  /**
   * Reads a change request event; its {@code "type"} names the event record.
   *
   * @param text the JSON text
   * @return the event
   * @throws NullPointerException if {@code text} is null
   * @throws JsonFormatException if the text is not a valid event
   */
  public ChangeEvent readChangeEvent(String text) {
    return ItsmJson.read(text, ChangeEvent.class);
  }
}
