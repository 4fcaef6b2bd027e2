package io.itsm.examples.cli;

import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code itsm} command line: triage tickets with the default and your own DRL rules, check
 * rule files, and watch the whole incident lifecycle on sample tickets.
 *
 * <pre>{@code
 * java -jar itsm.jar triage --rules rules/ --input tickets.jsonl --output decisions.jsonl
 * java -jar itsm.jar validate --rules rules/
 * java -jar itsm.jar demo
 * }</pre>
 *
 * <p>Exit codes: {@value #EXIT_OK} success, {@value #EXIT_FAILURES} failures (bad input lines,
 * rules that do not compile, rules that fail on a ticket), {@value #EXIT_USAGE} usage errors,
 * {@value #EXIT_IO} files that cannot be read or written.
 *
 * <p>Run it in-process with {@code new CommandLine(new ItsmCommand()).execute(args)}; {@link
 * #main} adds UTF-8 standard streams and a handler for unexpected exceptions. Not thread-safe: one
 * instance per run.
 */
@Command(
    name = "itsm",
    mixinStandardHelpOptions = true,
    versionProvider = ItsmCommand.Version.class,
    description = "Triage IT tickets with Drools rules, check and test rule files, compare rule sets, learn from past tickets, search the knowledge base, run the lifecycle and outage demos, read a store, import history, compute metrics, reports and staffing, look at the CMDB and announcements, preview notifications.",
    subcommands = {
      TriageCommand.class, ValidateCommand.class, TestCommand.class, DiffCommand.class,
      LearnCommand.class, DemoCommand.class, IncidentsCommand.class, HistoryCommand.class,
      ReviewsCommand.class, ActionsCommand.class, MetricsCommand.class, ReportCommand.class,
      ImportCommand.class, StaffingCommand.class, OutageDemoCommand.class, CmdbCommand.class,
      AnnouncementsCommand.class, NotifyPreviewCommand.class, KbCommand.class, ServeCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success",
      "1:failures: bad input lines, rules that do not compile or fail on a ticket, failed scenarios",
      "2:usage error (unknown option, missing argument)",
      "3:a file cannot be read or written"
    },
    footer = "%nSee docs/cli.md for examples.")
public final class ItsmCommand implements Runnable {

  /** Exit code: everything worked. */
  public static final int EXIT_OK = 0;

  /**
   * Exit code: the command ran but found failures (bad input lines, compile errors, failing
   * tickets).
   */
  public static final int EXIT_FAILURES = 1;

  /** Exit code: the command line was wrong (picocli's usage error code). */
  public static final int EXIT_USAGE = 2;

  /** Exit code: a file could not be read or written. */
  public static final int EXIT_IO = 3;

  /** The version printed by {@code --version}. */
  public static final String VERSION = "0.1.0-SNAPSHOT";

  private final InputStream stdin;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Creates the command reading {@code -} from {@link System#in}. */
  public ItsmCommand() {
    this(System.in);
  }

  /**
   * Creates the command reading {@code -} (standard input) from the given stream, for tests.
   *
   * @param stdin what {@code --input -} reads
   */
  public ItsmCommand(InputStream stdin) {
    this.stdin = Objects.requireNonNull(stdin, "stdin");
  }

  InputStream stdin() {
    return stdin;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing required subcommand");
  }


  /**
   * Runs the command line and exits the JVM with its exit code.
   *
   * @param args the arguments
   */
  public static void main(String[] args) {
    // log to standard error (never into the decisions on standard output), warnings and up
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }
    if (System.getProperty("org.slf4j.simpleLogger.logFile") == null) {
      System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
    }
    CommandLine cl = commandLine(new ItsmCommand(), args);
    cl.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          commandLine.getErr().println("itsm: internal error: " + ex);
          commandLine.getErr().flush();
          return EXIT_FAILURES;
        });
    cl.setOut(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
    cl.setErr(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
    System.exit(cl.execute(args));
  }

  /**
   * The subcommands of the annotation, by name, in its order, each with a way to make one: {@link
   * #commandLine} builds only the one that runs.
   */
  static final Map<String, Supplier<Object>> SUBCOMMANDS = subcommands();

  private static Map<String, Supplier<Object>> subcommands() {
    Map<String, Supplier<Object>> m = new LinkedHashMap<>();
    m.put("triage", TriageCommand::new);
    m.put("validate", ValidateCommand::new);
    m.put("test", TestCommand::new);
    m.put("diff", DiffCommand::new);
    m.put("learn", LearnCommand::new);
    m.put("demo", DemoCommand::new);
    m.put("incidents", IncidentsCommand::new);
    m.put("history", HistoryCommand::new);
    m.put("reviews", ReviewsCommand::new);
    m.put("actions", ActionsCommand::new);
    m.put("metrics", MetricsCommand::new);
    m.put("report", ReportCommand::new);
    m.put("import", ImportCommand::new);
    m.put("staffing", StaffingCommand::new);
    m.put("outage-demo", OutageDemoCommand::new);
    m.put("cmdb", CmdbCommand::new);
    m.put("announcements", AnnouncementsCommand::new);
    m.put("notify-preview", NotifyPreviewCommand::new);
    m.put("kb", KbCommand::new);
    m.put("serve", ServeCommand::new);
    return Collections.unmodifiableMap(m);
  }

  /**
   * The command line {@link #main} runs for these arguments. When the first argument names a
   * subcommand, the {@code itsm} command gets that subcommand alone: picocli reads the options of
   * every subcommand it is given, and reading all twenty took about a third of a second of every
   * run. Parsing, help, errors and exit codes are those of the full command line, which is built
   * for anything else (no arguments, {@code --help}, {@code --version}, a misspelt subcommand).
   *
   * @param top the command
   * @param args the arguments
   * @return the command line
   */
  static CommandLine commandLine(ItsmCommand top, String[] args) {
    Supplier<Object> only = args.length > 0 ? SUBCOMMANDS.get(args[0]) : null;
    if (only == null) {
      return new CommandLine(top);
    }
    // the attributes of the annotation that running a subcommand can show: the name in its
    // usage ("Usage: itsm triage ..."), the standard options and the version
    CommandLine.Model.CommandSpec spec = CommandLine.Model.CommandSpec.wrapWithoutInspection(top);
    spec.name("itsm");
    spec.mixinStandardHelpOptions(true);
    spec.versionProvider(new Version());
    top.spec = spec;
    CommandLine cl = new CommandLine(spec);
    cl.addSubcommand(args[0], only.get());
    return cl;
  }

  /** Prints {@link #VERSION}. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"itsm " + VERSION};
    }
  }
}
