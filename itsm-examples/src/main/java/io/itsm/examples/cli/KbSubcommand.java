package io.itsm.examples.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/**
 * The base of the {@code itsm kb} subcommands: runs {@link #execute()} and turns a {@link
 * CliException} into {@code itsm: message} on standard error and its exit code.
 *
 * <p>Not thread-safe.
 */
abstract class KbSubcommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.ParentCommand KbCommand kb;

  @Override
  public final Integer call() {
    try {
      return execute();
    } catch (CliException e) {
      err().println("itsm: " + e.getMessage());
      return e.exitCode();
    } finally {
      out().flush();
      err().flush();
    }
  }

  abstract int execute();

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  PrintWriter err() {
    return spec.commandLine().getErr();
  }
}
