/** Implementation details of training (the Tribuo adapter). Not API. */
package io.itsm.learn.internal;
