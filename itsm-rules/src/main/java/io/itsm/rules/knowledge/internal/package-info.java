/** The knowledge index's text analysis. Not API: may change without notice. */
package io.itsm.rules.knowledge.internal;
