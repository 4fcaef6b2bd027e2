package io.itsm.core.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.itsm.core.access.Role;
import io.itsm.core.approval.Approval;
import io.itsm.core.approval.ApprovalDecision;
import io.itsm.core.approval.ApprovalPolicy;
import io.itsm.core.approval.ApprovalStage;
import io.itsm.core.approval.ApprovalStatus;
import io.itsm.core.approval.ApprovalSubject;
import io.itsm.core.approval.Approver;
import io.itsm.core.approval.Verdict;
import java.util.ArrayList;
import java.util.List;

/** The JSON form of approvals. Stateless. */
final class ApprovalCodec {

  private ApprovalCodec() {}

  static final List<String> APPROVAL =
      List.of(
          "id", "subject", "stages", "decisions", "requestedAt", "requestedBy", "dueAt", "status");
  static final List<String> SUBJECT = List.of("kind", "reference");
  static final List<String> STAGE = List.of("approvers", "policy", "quorum");
  static final List<String> APPROVER = List.of("user", "role");
  static final List<String> DECISION = List.of("approverId", "stage", "verdict", "comment", "at");

  /** The policies by name, as written in {@code stages[i].policy}. */
  enum PolicyName {
    ANY,
    ALL,
    QUORUM
  }

  static ObjectNode write(Approval a) {
    return new Out()
        .string("id", a.id())
        .value(
            "subject",
            new Out()
                .enumValue("kind", a.subject().kind())
                .string("reference", a.subject().reference())
                .node())
        .array("stages", a.stages().stream().map(ApprovalCodec::writeStage).toList())
        .array("decisions", a.decisions().stream().map(ApprovalCodec::writeDecision).toList())
        .instant("requestedAt", a.requestedAt())
        .string("requestedBy", a.requestedBy())
        .optInstant("dueAt", a.dueAt())
        .enumValue("status", a.status())
        .node();
  }

  private static ObjectNode writeStage(ApprovalStage s) {
    Out out = new Out();
    out.array("approvers", s.approvers().stream().map(ApprovalCodec::writeApprover).toList());
    ApprovalPolicy p = s.policy();
    if (p instanceof ApprovalPolicy.Quorum q) {
      out.enumValue("policy", PolicyName.QUORUM).number("quorum", q.k());
    } else if (p instanceof ApprovalPolicy.All) {
      out.enumValue("policy", PolicyName.ALL);
    } else {
      out.enumValue("policy", PolicyName.ANY);
    }
    return out.node();
  }

  private static ObjectNode writeApprover(Approver a) {
    if (a instanceof Approver.User u) {
      return new Out().string("user", u.userId()).node();
    }
    return new Out().enumValue("role", ((Approver.RoleHolder) a).role()).node();
  }

  private static ObjectNode writeDecision(ApprovalDecision d) {
    return new Out()
        .string("approverId", d.approverId())
        .number("stage", d.stage())
        .enumValue("verdict", d.verdict())
        .text("comment", d.comment())
        .instant("at", d.at())
        .node();
  }

  static Approval read(In in) {
    Document doc = in.doc();
    String id = in.nonBlank("id");
    In subjectIn = in.object("subject", SUBJECT);
    ApprovalSubject subject =
        subjectIn.build(
            () ->
                new ApprovalSubject(
                    subjectIn.enumValue("kind", ApprovalSubject.Kind.class),
                    subjectIn.nonBlank("reference")));
    List<ApprovalStage> stages = new ArrayList<>();
    List<JsonNode> stageNodes = in.array("stages", true);
    for (int i = 0; i < stageNodes.size(); i++) {
      stages.add(
          readStage(In.object(stageNodes.get(i), Document.index(in.childPath("stages"), i), doc, STAGE)));
    }
    List<ApprovalDecision> decisions = new ArrayList<>();
    List<JsonNode> decisionNodes = in.array("decisions", false);
    for (int i = 0; i < decisionNodes.size(); i++) {
      In d =
          In.object(
              decisionNodes.get(i), Document.index(in.childPath("decisions"), i), doc, DECISION);
      decisions.add(
          d.build(
              () ->
                  new ApprovalDecision(
                      d.nonBlank("approverId"),
                      d.integer("stage"),
                      d.enumValue("verdict", Verdict.class),
                      d.text("comment"),
                      d.instant("at"))));
    }
    return in.build(
        () ->
            new Approval(
                id,
                subject,
                stages,
                decisions,
                in.instant("requestedAt"),
                in.nonBlank("requestedBy"),
                in.optInstant("dueAt"),
                in.enumValue("status", ApprovalStatus.class)));
  }

  private static ApprovalStage readStage(In in) {
    List<Approver> approvers = new ArrayList<>();
    List<JsonNode> nodes = in.array("approvers", true);
    for (int i = 0; i < nodes.size(); i++) {
      In a = In.object(nodes.get(i), Document.index(in.childPath("approvers"), i), in.doc(), APPROVER);
      if (a.has("user") == a.has("role")) {
        throw In.fail(
            in.doc(),
            a.path(),
            "an approver has exactly one of 'user' (a user id) or 'role' (one of "
                + String.join(", ", java.util.Arrays.stream(Role.values()).map(Role::name).toList())
                + ")");
      }
      approvers.add(
          a.has("user")
              ? a.build(() -> Approver.user(a.nonBlank("user")))
              : Approver.role(a.enumValue("role", Role.class)));
    }
    PolicyName name = in.enumValue("policy", PolicyName.class);
    ApprovalPolicy policy;
    if (name == PolicyName.QUORUM) {
      if (!in.has("quorum")) {
        throw in.failAt("quorum", "required when policy is QUORUM: how many approvals are needed");
      }
      policy = in.build(() -> ApprovalPolicy.quorum(in.integer("quorum")));
    } else {
      if (in.has("quorum")) {
        throw in.failAt("quorum", "only allowed when policy is QUORUM, but policy was " + name);
      }
      policy = name == PolicyName.ALL ? ApprovalPolicy.all() : ApprovalPolicy.any();
    }
    return in.build(() -> new ApprovalStage(approvers, policy));
  }
}
