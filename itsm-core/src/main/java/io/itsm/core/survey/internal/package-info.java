/**
 * Implementation of satisfaction surveys that is not API: deciding whether to survey a closed
 * incident, answering, follow-ups and expiry, and the queries. {@code
 * io.itsm.core.survey.Surveys} is the facade over them. Types here may change without notice.
 */
package io.itsm.core.survey.internal;
