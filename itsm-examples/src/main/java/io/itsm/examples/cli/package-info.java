/**
 * The {@code itsm} command line, built with picocli: {@link io.itsm.examples.cli.ItsmCommand} and
 * its subcommands {@code triage}, {@code validate} and {@code demo}. See {@code docs/cli.md}.
 */
package io.itsm.examples.cli;
