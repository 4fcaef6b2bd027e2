package io.itsm.core.json;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.itsm.core.announcement.Announcement;
import java.util.List;

/**
 * A list of announcements as written in JSON (docs/announcements.md, "JSON"): {@code
 * {"formatVersion": 1, "announcements": [...]}}.
 */
record AnnouncementListDocument(
    @JsonProperty(defaultValue = "1") @JsonDeserialize(using = Scalars.FormatVersion.class)
        Integer formatVersion,
    List<Announcement> announcements) {

  AnnouncementListDocument {
    announcements = List.copyOf(announcements);
  }

  static AnnouncementListDocument of(List<Announcement> announcements) {
    return new AnnouncementListDocument(ItsmJson.FORMAT_VERSION, announcements);
  }
}
