/**
 * Example: customizing triage with a team rule file that wins over the defaults, switching off a
 * default rule, and replacing the team map.
 */
package io.itsm.examples.customrules;
