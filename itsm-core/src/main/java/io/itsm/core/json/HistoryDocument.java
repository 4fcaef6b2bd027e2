package io.itsm.core.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.itsm.core.event.IncidentEvent;
import java.util.List;

/**
 * A history document (docs/json.md, "Events and histories"): {@code {"formatVersion": 1,
 * "events": [...]}}. The version is checked before the events are read.
 */
record HistoryDocument(
    @JsonProperty(defaultValue = "1") @JsonDeserialize(using = Scalars.FormatVersion.class)
        Integer formatVersion,
    @JsonProperty(required = true) @JsonInclude(JsonInclude.Include.ALWAYS)
        List<IncidentEvent> events) {

  HistoryDocument {
    events = List.copyOf(events);
  }

  static HistoryDocument of(List<? extends IncidentEvent> events) {
    return new HistoryDocument(ItsmJson.FORMAT_VERSION, List.copyOf(events));
  }
}
