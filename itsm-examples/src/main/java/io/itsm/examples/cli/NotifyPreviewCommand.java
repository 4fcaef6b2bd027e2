package io.itsm.examples.cli;

import io.itsm.core.ItsmException;
import io.itsm.core.ServiceDesk;
import io.itsm.core.access.Actor;
import io.itsm.core.access.Role;
import io.itsm.core.approval.Verdict;
import io.itsm.core.event.IncidentEvent;
import io.itsm.core.event.Visibility;
import io.itsm.core.incident.Assignment;
import io.itsm.core.incident.Caller;
import io.itsm.core.incident.Incident;
import io.itsm.core.incident.OnHoldReason;
import io.itsm.core.incident.Status;
import io.itsm.core.incident.Ticket;
import io.itsm.core.json.ItsmJson;
import io.itsm.core.json.JsonFormatException;
import io.itsm.core.notification.DeliveryChannel;
import io.itsm.core.notification.InMemoryRecipientDirectory;
import io.itsm.core.notification.Notification;
import io.itsm.core.notification.Notifications;
import io.itsm.core.notification.Recipient;
import io.itsm.core.notification.RecipientDirectory;
import io.itsm.core.sla.SlaPolicy;
import io.itsm.examples.outage.SampleCmdb;
import io.itsm.rules.NotifyEngine;
import io.itsm.rules.RuleCompilationException;
import io.itsm.rules.RuleProblem;
import io.itsm.rules.TriageEngine;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code itsm notify-preview}: runs one ticket through a typical lifecycle (logged and triaged by
 * the default rules, assigned, worked, on hold awaiting the caller, commented, an internal work
 * note, resolved, confirmed) and prints, event by event, the notifications the notification rules
 * would send: to whom, on which channel, in which language, with which template, decided by which
 * rule. Nothing is sent.
 *
 * <p>Not thread-safe.
 */
@Command(
    name = "notify-preview",
    mixinStandardHelpOptions = true,
    description = {
      "Preview the notifications a ticket's lifecycle would send, with the default notification rules"
          + " and your own (--notify-rules). Every team has an agent and a lead in the preview;"
          + " the caller's language comes from the ticket.",
      "  itsm notify-preview --input ticket.json --now 2026-11-23T10:00:00Z"
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:success", "1:the ticket is invalid or the rules do not compile", "2:usage error",
        "3:a file cannot be read"})
final class NotifyPreviewCommand extends Subcommand {

  @Option(names = "--input", required = true, paramLabel = "FILE|-", description = "One ticket as JSON; '-' reads standard input.")
  String input;

  @Option(names = "--notify-rules", paramLabel = "DIR", description = "Your notification rule files (*.drl), added to the default pack.")
  Path rules;

  @Option(names = "--json", description = "Each notification as JSON, one per line.")
  boolean json;

  @Mixin NowOption now = new NowOption();

  @Override
  int execute() {
    Ticket ticket = readTicket();
    Clock clock = now.now == null ? Clock.systemUTC() : Clock.fixed(now.now, ZoneOffset.UTC);
    StepClock steps = new StepClock(clock.instant());
    NotifyEngine engine = engine();
    Notifications notifications = Notifications.builder().clock(steps).policy(engine)
        .recipients(new PreviewDirectory()).slaPolicy(SlaPolicy.defaults())
        .surveyLinks(i -> Optional.of("https://survey.example.com/" + i.id())).build();
    List<String> lines = new ArrayList<>();
    ServiceDesk desk = ServiceDesk.builder().clock(steps).slaPolicy(SlaPolicy.defaults())
        .triagePolicy(TriageEngine.builder().clock(steps).build())
        .listener((e, inc) -> print(e, inc, notifications.preview(e, inc))).build();
    try {
      Caller caller = ticket.caller().orElse(Caller.of("caller"));
      Actor user = Actor.endUser(caller.id());
      Incident inc = desk.log(user, ticket.toBuilder().caller(caller).build());
      String team = inc.team().orElse("service-desk");
      Actor agent = Actor.of(team + "-agent", Role.SPECIALIST, team);
      steps.step();
      desk.assign(Actor.of(team + "-lead", Role.TEAM_LEAD, team), inc.id(),
          Assignment.toPerson(team, agent.id(), inc.assignment().map(a -> a.level()).orElseThrow()));
      steps.step();
      desk.startWork(agent, inc.id());
      steps.step();
      desk.putOnHold(agent, inc.id(), OnHoldReason.AWAITING_USER, "Please send a screenshot of the error.");
      steps.step();
      desk.comment(user, inc.id(), "Screenshot attached.", Visibility.PUBLIC);
      desk.resume(agent, inc.id(), "");
      steps.step();
      desk.comment(agent, inc.id(), "Caller's device is on an old image.", Visibility.INTERNAL);
      desk.comment(agent, inc.id(), "We are updating your device's configuration.", Visibility.PUBLIC);
      steps.step();
      inc = desk.proposeResolution(agent, inc.id(), "SOLVED_FIXED", "Updated the configuration; please retry.");
      if (inc.status() == Status.PENDING_APPROVAL) {
        desk.decideApproval(Actor.of(team + "-manager", Role.MANAGER, team), inc.id(), Verdict.APPROVE, "");
      }
      steps.step();
      desk.confirmResolution(user, inc.id());
    } catch (ItsmException e) {
      throw new CliException(ItsmCommand.EXIT_FAILURES, "the preview failed: " + e.getMessage());
    }
    return ItsmCommand.EXIT_OK;
  }

  private void print(IncidentEvent e, Incident inc, List<Notification> ns) {
    if (json) {
      ns.forEach(n -> out().println(ItsmJson.defaults().notifications().writeNotification(n)));
      return;
    }
    out().printf("#%d %s by %s%n", e.sequence(), e.type(), e.actor());
    if (ns.isEmpty()) {
      out().println("   (no notification)");
    }
    for (Notification n : ns) {
      out().printf("   -> %s %s [%s] %s%s: %s%n", n.recipientId(), n.channel(), n.language(), n.template(),
          n.timing() == io.itsm.core.notification.DeliveryTiming.NOW ? "" : " (" + n.timing() + " " + n.dueAt() + ")",
          n.subject());
      out().printf("      rule '%s': %s%n", n.rule(), n.reason());
    }
  }

  private NotifyEngine engine() {
    NotifyEngine.Builder b = NotifyEngine.builder();
    if (rules != null) {
      b.addRulesDirectory(rules);
    }
    try {
      return b.build();
    } catch (RuleCompilationException e) {
      for (RuleProblem p : e.getProblems()) {
        err().println(p);
      }
      throw new CliException(ItsmCommand.EXIT_FAILURES, "notification rules do not compile ("
          + e.getProblems().size() + (e.getProblems().size() == 1 ? " problem)" : " problems)"));
    } catch (ItsmException e) {
      throw new CliException(ItsmCommand.EXIT_FAILURES, e.getMessage());
    }
  }

  private Ticket readTicket() {
    try (InputStream in = input.equals("-") ? parent.stdin() : Files.newInputStream(Path.of(input))) {
      return ItsmJson.defaults().readTicket(in);
    } catch (JsonFormatException e) {
      throw new CliException(ItsmCommand.EXIT_FAILURES, input + ": " + e.getMessage());
    } catch (IOException e) {
      throw CliException.cannotRead("ticket file", input, e);
    }
  }

  /** A clock that moves ten minutes a step, so the preview's times read like a morning's work. */
  private static final class StepClock extends Clock {
    private Instant now;

    StepClock(Instant start) {
      this.now = start;
    }

    void step() {
      now = now.plus(Duration.ofMinutes(10));
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }

  /** The sample people, and for any team an agent, a lead and a manager of its own. */
  private static final class PreviewDirectory implements RecipientDirectory {
    private final RecipientDirectory sample = InMemoryRecipientDirectory.of(SampleCmdb.people());

    private static Recipient staff(String team, String suffix, Role role) {
      return Recipient.of(team + "-" + suffix, team + " " + suffix).withRole(role, team)
          .withAddress(DeliveryChannel.CHAT, "@" + team + "-" + suffix);
    }

    @Override
    public Optional<Recipient> find(String id) {
      for (String suffix : List.of("agent", "lead", "manager")) {
        if (id.endsWith("-" + suffix)) {
          String team = id.substring(0, id.length() - suffix.length() - 1);
          return Optional.of(staff(team, suffix, suffix.equals("agent") ? Role.SPECIALIST
              : suffix.equals("lead") ? Role.TEAM_LEAD : Role.MANAGER));
        }
      }
      return sample.find(id);
    }

    @Override
    public List<Recipient> withRole(Role role, Optional<String> team) {
      if (team.isPresent() && role == Role.TEAM_LEAD) {
        return List.of(staff(team.get(), "lead", Role.TEAM_LEAD));
      }
      if (team.isPresent() && role == Role.MANAGER) {
        return List.of(staff(team.get(), "manager", Role.MANAGER));
      }
      return sample.withRole(role, team);
    }

    @Override
    public List<Recipient> members(String team) {
      return List.of(staff(team, "agent", Role.SPECIALIST), staff(team, "lead", Role.TEAM_LEAD));
    }

    @Override
    public List<Recipient> usersOf(Collection<String> services) {
      return sample.usersOf(services);
    }
  }
}
