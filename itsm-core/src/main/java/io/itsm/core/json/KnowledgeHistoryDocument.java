package io.itsm.core.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.itsm.core.knowledge.event.KnowledgeEvent;
import java.util.List;

/**
 * An article's history document (docs/knowledge.md, "JSON"): {@code {"formatVersion": 1,
 * "events": [...]}}, one line of a knowledge export.
 */
record KnowledgeHistoryDocument(
    @JsonProperty(defaultValue = "1") @JsonDeserialize(using = Scalars.FormatVersion.class)
        Integer formatVersion,
    @JsonProperty(required = true) @JsonInclude(JsonInclude.Include.ALWAYS)
        List<KnowledgeEvent> events) {

  KnowledgeHistoryDocument {
    events = List.copyOf(events);
  }

  static KnowledgeHistoryDocument of(List<? extends KnowledgeEvent> events) {
    return new KnowledgeHistoryDocument(ItsmJson.FORMAT_VERSION, List.copyOf(events));
  }
}
