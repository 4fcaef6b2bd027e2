/** Implementation of notifications: the values templates are filled with. Not API. */
package io.itsm.core.notification.internal;
