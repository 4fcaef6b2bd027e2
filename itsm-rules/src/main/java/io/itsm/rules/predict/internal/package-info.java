/**
 * Implementation details of learning and similarity (text analysis of tickets, features). Not
 * API: may change in any release; {@code itsm-learn} uses it to compute the same features in
 * training as in prediction.
 */
package io.itsm.rules.predict.internal;
