/** The README's first-screen example, run by a test so it stays true. */
package io.itsm.examples.readme;
