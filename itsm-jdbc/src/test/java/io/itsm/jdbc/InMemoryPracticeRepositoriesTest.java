package io.itsm.jdbc;

import io.itsm.core.announcement.AnnouncementRepository;
import io.itsm.core.announcement.InMemoryAnnouncementRepository;
import io.itsm.core.cmdb.ChangeRepository;
import io.itsm.core.cmdb.CmdbRepository;
import io.itsm.core.cmdb.InMemoryChangeRepository;
import io.itsm.core.cmdb.InMemoryCmdbRepository;
import io.itsm.core.kernel.Stores;
import io.itsm.core.notification.InMemoryNotificationRepository;
import io.itsm.core.notification.NotificationRepository;
import io.itsm.core.repository.InMemoryIncidentRepository;
import io.itsm.core.repository.IncidentRepository;

/** The practices' repository contract on the in-memory repositories, the baseline of the JDBC ones. */
class InMemoryPracticeRepositoriesTest extends PracticeRepositoriesContract {

  @Override
  Stores newStores() {
    return Stores.none().with(IncidentRepository.class, new InMemoryIncidentRepository())
        .with(CmdbRepository.class, new InMemoryCmdbRepository())
        .with(ChangeRepository.class, new InMemoryChangeRepository())
        .with(AnnouncementRepository.class, new InMemoryAnnouncementRepository())
        .with(NotificationRepository.class, new InMemoryNotificationRepository());
  }
}
