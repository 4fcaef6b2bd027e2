/** Example: comparing a candidate rule set with the current one over past tickets before deploying. */
package io.itsm.examples.whatif;
