package io.itsm.examples.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** Runs the itsm command in-process with captured standard streams. */
record Cli(int exitCode, String out, String err) {

  static Cli run(String... args) {
    return runWithStdin("", args);
  }

  static Cli runWithStdin(String stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl =
        new CommandLine(new ItsmCommand(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8))))
            .setOut(new PrintWriter(out))
            .setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new Cli(code, out.toString(), err.toString());
  }
}
