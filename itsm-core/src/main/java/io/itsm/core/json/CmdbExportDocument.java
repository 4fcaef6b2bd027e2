package io.itsm.core.json;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.itsm.core.ValidationException;
import io.itsm.core.cmdb.CiEvent;
import io.itsm.core.cmdb.CmdbExport;
import io.itsm.core.json.Scalars.NotBlank;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A CMDB backup as written in JSON (docs/cmdb.md, "Backup"): {@code {"formatVersion": 1,
 * "exportedAt": ..., "items": [{"id": ..., "events": [...]}, ...]}}.
 */
record CmdbExportDocument(
    @JsonProperty(defaultValue = "1") @JsonDeserialize(using = Scalars.FormatVersion.class)
        Integer formatVersion,
    Instant exportedAt,
    List<ItemHistory> items) {

  /**
   * One item's history in a backup.
   *
   * @param id the item's id
   * @param events its events, oldest first
   */
  record ItemHistory(@NotBlank String id, @JsonProperty(required = true) List<CiEvent> events) {}

  static CmdbExportDocument of(CmdbExport backup) {
    List<ItemHistory> items = new ArrayList<>();
    backup.histories().forEach((id, events) -> items.add(new ItemHistory(id, events)));
    return new CmdbExportDocument(ItsmJson.FORMAT_VERSION, backup.exportedAt(), items);
  }

  CmdbExport toExport() {
    Map<String, List<CiEvent>> histories = new LinkedHashMap<>();
    for (int i = 0; i < items.size(); i++) {
      ItemHistory h = items.get(i);
      if (histories.put(h.id(), h.events()) != null) {
        throw new ValidationException("items[" + i + "] is the history of " + h.id()
            + ", which appears twice in the backup");
      }
    }
    return new CmdbExport(exportedAt, histories);
  }
}
