package io.itsm.examples.cli;

import io.itsm.core.ItsmException;
import io.itsm.examples.outage.OutageDemo;
import picocli.CommandLine.Command;

/**
 * {@code itsm outage-demo}: runs {@link OutageDemo}: a database fails, impact analysis, an
 * announcement in two languages approved and published, tickets linked to it, a change, the end.
 *
 * <p>Not thread-safe.
 */
@Command(
    name = "outage-demo",
    mixinStandardHelpOptions = true,
    description = {
      "Run the outage story: the orders database fails, impact analysis finds three services, an"
          + " unplanned-outage announcement in English and German is approved and published, users'"
          + " tickets about those services are linked to it, a change fails the database over, the"
          + " announcement is ended and archived. Prints every decision and message; the same every run."
    })
final class OutageDemoCommand extends Subcommand {

  @Override
  int execute() {
    try {
      new OutageDemo().run(out());
    } catch (ItsmException e) {
      throw new CliException(ItsmCommand.EXIT_FAILURES, "the demo failed: " + e.getMessage());
    }
    return ItsmCommand.EXIT_OK;
  }
}
