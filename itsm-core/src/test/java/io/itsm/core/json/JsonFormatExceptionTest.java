package io.itsm.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.itsm.core.ItsmException;
import io.itsm.core.ValidationException;
import org.junit.jupiter.api.Test;

class JsonFormatExceptionTest {

  private final ItsmJson json = ItsmJson.defaults();

  private JsonFormatException ticketError(String text) {
    return catchThrowableOfType(JsonFormatException.class, () -> json.readTicket(text));
  }

  @Test
  void unknownProperty_namesTheKnownOnesAndSuggestsTheClosest() {
    JsonFormatException e = ticketError("{\"titel\":\"VPN\"}");

    assertThat(e).isInstanceOf(ItsmException.class);
    assertThat(e.getPath()).isEqualTo("$.titel");
    assertThat(e.getProblem())
        .isEqualTo(
            "unknown property 'titel' at $; known properties: id, type, title, description, channel,"
                + " caller, affectedUsers, service, configurationItem, impact, urgency, openedAt,"
                + " errorCodes, stepsTried, attachments, tags, attributes; did you mean 'title'?");
    assertThat(e.getLine()).hasValue(1);
    assertThat(e.getColumn()).hasValue(10);
    assertThat(e.getMessage()).isEqualTo(e.getProblem() + " (line 1, column 10)");
  }

  @Test
  void unknownNestedProperty_namesTheObject() {
    JsonFormatException e = ticketError("{\"title\":\"x\",\"caller\":{\"id\":\"u1\",\"vipp\":true}}");

    assertThat(e.getPath()).isEqualTo("$.caller.vipp");
    assertThat(e.getProblem())
        .startsWith("unknown property 'vipp' at caller; known properties: id, name, email,")
        .endsWith("did you mean 'vip'?");
  }

  @Test
  void unknownEnumValue_listsTheAllowedValues() {
    JsonFormatException e = ticketError("{\"title\":\"x\",\n \"channel\":\"FAX\"}");

    assertThat(e.getPath()).isEqualTo("$.channel");
    assertThat(e.getProblem())
        .isEqualTo("channel: 'FAX' is not one of PHONE, EMAIL, CHAT, PORTAL, MONITORING, WALK_IN");
    assertThat(e.getLine()).hasValue(2);
    assertThat(e.getColumn()).hasValue(12);
  }

  @Test
  void enumOfTheWrongType_listsTheAllowedValues() {
    JsonFormatException e = ticketError("{\"title\":\"x\",\"impact\":1}");

    assertThat(e.getProblem()).isEqualTo("impact: expected one of HIGH, MEDIUM, LOW, but was a number 1");
  }

  @Test
  void badInstant_showsAnExample() {
    JsonFormatException e = ticketError("{\"title\":\"x\",\"openedAt\":\"2026-13-01\"}");

    assertThat(e.getPath()).isEqualTo("$.openedAt");
    assertThat(e.getProblem())
        .isEqualTo("openedAt: '2026-13-01' is not an ISO-8601 instant such as 2026-11-23T08:15:00Z");
  }

  @Test
  void wrongType_saysWhatWasExpected() {
    assertThat(ticketError("{\"title\":\"x\",\"affectedUsers\":\"five\"}").getProblem())
        .isEqualTo("affectedUsers: expected a number, but was a string 'five'");
    assertThat(ticketError("{\"title\":\"x\",\"affectedUsers\":2.5}").getProblem())
        .isEqualTo("affectedUsers: expected a whole number, but was 2.5");
    assertThat(ticketError("{\"title\":\"x\",\"caller\":{\"id\":\"u1\",\"vip\":\"yes\"}}"))
        .extracting(JsonFormatException::getPath, JsonFormatException::getProblem)
        .containsExactly("$.caller.vip", "caller.vip: expected true or false, but was a string 'yes'");
    assertThat(ticketError("{\"title\":42}").getProblem())
        .isEqualTo("title: expected a string, but was a number 42");
    assertThat(ticketError("{\"title\":\"x\",\"tags\":[\"a\",7]}"))
        .extracting(JsonFormatException::getPath, JsonFormatException::getProblem)
        .containsExactly("$.tags[1]", "tags[1]: expected a string, but was a number 7");
    assertThat(ticketError("{\"title\":\"x\",\"attributes\":{\"cost center\":1}}"))
        .extracting(JsonFormatException::getPath, JsonFormatException::getProblem)
        .containsExactly(
            "$.attributes['cost center']",
            "attributes['cost center']: expected a string, but was a number 1");
    assertThat(ticketError("[1,2]").getProblem()).isEqualTo("$: expected an object, but was an array");
  }

  @Test
  void missingTitle_isReported() {
    JsonFormatException e = ticketError("{\"description\":\"no title\"}");

    assertThat(e.getPath()).isEqualTo("$.title");
    assertThat(e.getProblem()).isEqualTo("title: required, but missing");
    assertThat(ticketError("{\"title\":null}").getProblem()).isEqualTo("title: required, but was null");
    assertThat(ticketError("{\"title\":\"  \"}").getProblem())
        .isEqualTo("title: must not be blank, but was '  '");
  }

  @Test
  void blankCallerId_isReported() {
    JsonFormatException e = ticketError("{\"title\":\"x\",\"caller\":{\"id\":\" \"}}");

    assertThat(e.getPath()).isEqualTo("$.caller.id");
    assertThat(e.getProblem()).isEqualTo("caller.id: must not be blank, but was ' '");
    assertThat(ticketError("{\"title\":\"x\",\"caller\":{\"name\":\"Ada\"}}").getProblem())
        .isEqualTo("caller.id: required, but missing");
  }

  @Test
  void malformedJson_hasLineAndColumn() {
    JsonFormatException e = ticketError("{\n  \"title\": \"x\",\n  \"channel\" \"PHONE\"\n}");

    assertThat(e.getLine()).hasValue(3);
    assertThat(e.getColumn()).hasValue(13);
    assertThat(e.getProblem()).startsWith("malformed JSON in channel: Unexpected character");
    assertThat(e.getMessage()).endsWith("(line 3, column 13)");
  }

  @Test
  void malformedJson_emptyTruncatedTrailingAndDuplicate() {
    assertThat(ticketError("").getProblem()).isEqualTo("malformed JSON: no content, expected a JSON object");
    assertThat(ticketError("{\"title\":\"x\"").getProblem()).startsWith("malformed JSON");
    assertThat(ticketError("{\"title\":\"x\"} {}").getProblem())
        .isEqualTo("malformed JSON: unexpected content after the end of the document");
    JsonFormatException duplicate = ticketError("{\"title\":\"x\",\"title\":\"y\"}");
    assertThat(duplicate.getProblem()).startsWith("malformed JSON").contains("Duplicate field 'title'");
  }

  @Test
  void modelValidation_isWrappedWithThePath() {
    JsonFormatException e = ticketError("{\"title\":\"x\",\"affectedUsers\":-1}");

    assertThat(e.getPath()).isEqualTo("$.affectedUsers");
    assertThat(e.getProblem()).isEqualTo("affectedUsers must be zero or more, but was -1");
    assertThat(e.getCause()).isInstanceOf(ValidationException.class);

    JsonFormatException element = ticketError("{\"title\":\"x\",\"errorCodes\":[\"ok\",\" \"]}");
    assertThat(element.getPath()).isEqualTo("$.errorCodes[1]");
  }

  @Test
  void eventErrors_haveThePathInTheHistory() {
    String events =
        "{\"formatVersion\":1,\"events\":["
            + json.writeEvent(Fixtures.oneOfEach().get(0))
            + ",\n"
            + json.writeEvent(Fixtures.oneOfEach().get(1))
            + ",\n"
            + json.writeEvent(Fixtures.oneOfEach().get(2)).replace("\"P2\"", "\"P9\"")
            + "]}";

    JsonFormatException e = catchThrowableOfType(JsonFormatException.class, () -> json.readHistory(events));

    assertThat(e.getPath()).isEqualTo("$.events[2].priority");
    assertThat(e.getProblem()).isEqualTo("events[2].priority: 'P9' is not one of P1, P2, P3, P4, P5");
    assertThat(e.getLine()).hasValue(3);
  }

  @Test
  void unknownEventType_listsTheTypes() {
    JsonFormatException e =
        catchThrowableOfType(
            JsonFormatException.class,
            () -> json.readEvent("{\"type\":\"Categorised\",\"incidentId\":\"INC-1\"}"));

    assertThat(e.getPath()).isEqualTo("$.type");
    assertThat(e.getProblem())
        .startsWith("type: 'Categorised' is not one of IncidentLogged, Categorized, Prioritized,")
        .endsWith("Escalated, Linked, SlaThresholdReached, SlaBreached; did you mean 'Categorized'?");
  }

  @Test
  void eventSequence_isValidatedByTheModel() {
    String text = json.writeEvent(Fixtures.oneOfEach().get(8)).replace("\"sequence\":9", "\"sequence\":0");

    JsonFormatException e = catchThrowableOfType(JsonFormatException.class, () -> json.readEvent(text));

    assertThat(e.getPath()).isEqualTo("$");
    assertThat(e.getProblem()).isEqualTo("event sequence must be 1 or more, but was 0");
  }

  @Test
  void unsupportedFormatVersion_isRejected() {
    JsonFormatException e =
        catchThrowableOfType(
            JsonFormatException.class, () -> json.readHistory("{\"formatVersion\":2,\"events\":[]}"));

    assertThat(e.getPath()).isEqualTo("$.formatVersion");
    assertThat(e.getProblem())
        .isEqualTo("formatVersion: this reader understands format version 1, but the document has 2");
  }

  @Test
  void approvalErrors_nameTheStage() {
    String valid = json.writeApproval(Fixtures.twoStageApproval());

    JsonFormatException policy =
        catchThrowableOfType(
            JsonFormatException.class,
            () -> json.readApproval(valid.replace("\"policy\":\"ALL\"", "\"policy\":\"MOST\"")));
    assertThat(policy.getProblem()).isEqualTo("stages[0].policy: 'MOST' is not one of ANY, ALL, QUORUM");

    JsonFormatException approver =
        catchThrowableOfType(
            JsonFormatException.class,
            () -> json.readApproval(valid.replace("{\"user\":\"bob\"}", "{}")));
    assertThat(approver.getPath()).isEqualTo("$.stages[0].approvers[0]");
    assertThat(approver.getProblem()).startsWith("stages[0].approvers[0]: an approver has exactly one of 'user'");

    JsonFormatException status =
        catchThrowableOfType(
            JsonFormatException.class,
            () -> json.readApproval(valid.replace("\"status\":\"PENDING\"", "\"status\":\"APPROVED\"")));
    assertThat(status.getPath()).isEqualTo("$.status");
    assertThat(status.getProblem()).startsWith("status of approval APR-1 must be PENDING or EXPIRED");
    assertThat(status.getCause()).isInstanceOf(ValidationException.class);
  }

  @Test
  void incidentErrors_nameTheField() {
    String valid = json.writeIncident(Fixtures.fullIncident());

    JsonFormatException e =
        catchThrowableOfType(
            JsonFormatException.class,
            () -> json.readIncident(valid.replace("\"level\":\"L2\"", "\"level\":\"L4\"")));

    assertThat(e.getPath()).isEqualTo("$.assignment.level");
    assertThat(e.getProblem()).isEqualTo("assignment.level: 'L4' is not one of L1, L2, L3, VENDOR");
  }

  @Test
  void numbersAndStrings_areNotConverted() {
    assertThat(ticketError("{\"title\":\"x\",\"affectedUsers\":\"5\"}").getProblem())
        .isEqualTo("affectedUsers: expected a number, but was a string '5'");
    assertThat(ticketError("{\"title\":\"x\",\"caller\":{\"id\":5}}"))
        .extracting(JsonFormatException::getPath, JsonFormatException::getProblem)
        .containsExactly("$.caller.id", "caller.id: expected a string, but was a number 5");
    assertThat(ticketError("{\"title\":\"x\",\"caller\":{\"id\":\"u1\",\"vip\":1}}").getProblem())
        .isEqualTo("caller.vip: expected true or false, but was a number 1");
    assertThat(ticketError("{\"title\":\"x\",\"affectedUsers\":3000000000}").getProblem())
        .isEqualTo("affectedUsers: expected a whole number up to 2147483647, but was 3000000000");
    assertThat(ticketError("{\"title\":\"x\",\"affectedUsers\":2.0}").getProblem())
        .isEqualTo("affectedUsers: expected a whole number, but was 2.0");
  }

  @Test
  void enumNames_mustMatchExactly_andAUniqueCloseOneIsSuggested() {
    assertThat(ticketError("{\"title\":\"x\",\"channel\":\"portal\"}").getProblem())
        .isEqualTo(
            "channel: 'portal' is not one of PHONE, EMAIL, CHAT, PORTAL, MONITORING, WALK_IN;"
                + " did you mean 'PORTAL'?");
    assertThat(ticketError("{\"title\":\"x\",\"type\":\"INCIDENT \"}").getProblem())
        .startsWith("type: 'INCIDENT ' is not one of INCIDENT, SERVICE_REQUEST");
    assertThat(ticketError("{\"title\":\"x\",\"impact\":\"0\"}").getProblem())
        .isEqualTo("impact: '0' is not one of HIGH, MEDIUM, LOW");
  }

  @Test
  void instants_areIsoStringsOnly() {
    assertThat(ticketError("{\"title\":\"x\",\"openedAt\":1700000000}").getProblem())
        .isEqualTo(
            "openedAt: expected an ISO-8601 instant such as 2026-11-23T08:15:00Z,"
                + " but was a number 1700000000");
    assertThat(ticketError("{\"title\":\"x\",\"openedAt\":\"1700000000\"}").getProblem())
        .isEqualTo("openedAt: '1700000000' is not an ISO-8601 instant such as 2026-11-23T08:15:00Z");
    assertThat(ticketError("{\"title\":\"x\",\"openedAt\":\" 2026-11-23T08:15:00Z\"}").getProblem())
        .startsWith("openedAt: ' 2026-11-23T08:15:00Z' is not an ISO-8601 instant");
  }

  @Test
  void null_isAbsentForOptionalValues_butNotInsideLists() {
    assertThat(json.readTicket("{\"title\":\"x\",\"description\":null,\"affectedUsers\":null}"))
        .isEqualTo(json.readTicket("{\"title\":\"x\"}"));
    assertThat(ticketError("{\"title\":\"x\",\"tags\":[\"a\",null]}"))
        .extracting(JsonFormatException::getPath, JsonFormatException::getProblem)
        .containsExactly("$.tags[1]", "tags[1]: expected a string, but was null");
    assertThat(ticketError("{\"title\":\"x\",\"tags\":\"vpn\"}").getProblem())
        .isEqualTo("tags: expected an array of strings, but was a string 'vpn'");
    assertThat(ticketError("{\"title\":\"x\",\"attributes\":[]}").getProblem())
        .isEqualTo("attributes: expected an object of strings, but was an array");
  }

  @Test
  void documentThatIsNotAnObject_isRejected() {
    assertThat(ticketError("null").getProblem()).isEqualTo("$: expected an object, but was null");
    assertThat(ticketError("\"x\"").getProblem())
        .isEqualTo("$: expected an object, but was a string 'x'");
    assertThat(ticketError("{\"title\":\"x\",\"caller\":\"u1\"}").getProblem())
        .isEqualTo("caller: expected an object, but was a string 'u1'");
  }

  @Test
  void requiredEventComponents_missingOrNull_areNamed() {
    String head =
        "{\"type\":\"Reopened\",\"incidentId\":\"INC-1\",\"sequence\":2,"
            + "\"at\":\"2026-11-23T08:15:00Z\"";

    JsonFormatException missing =
        catchThrowableOfType(JsonFormatException.class, () -> json.readEvent(head + ",\"actor\":\"a\"}"));
    JsonFormatException nullActor =
        catchThrowableOfType(
            JsonFormatException.class,
            () -> json.readEvent(head + ",\"actor\":null,\"reopenCount\":1}"));

    assertThat(missing.getPath()).isEqualTo("$.reopenCount");
    assertThat(missing.getProblem()).isEqualTo("reopenCount: required, but missing");
    assertThat(missing.getLine()).hasValue(1);
    assertThat(nullActor.getProblem()).isEqualTo("actor: required, but was null");
    assertThat(json.readEvent(head + ",\"actor\":\"a\",\"reopenCount\":1}"))
        .isEqualTo(
            new io.itsm.core.event.Reopened(
                "INC-1", 2, Fixtures.T0, "a", "", 1, false));
  }

  @Test
  void missingEventType_listsTheTypes() {
    JsonFormatException e =
        catchThrowableOfType(
            JsonFormatException.class, () -> json.readEvent("{\"incidentId\":\"INC-1\"}"));

    assertThat(e.getPath()).isEqualTo("$.type");
    assertThat(e.getProblem())
        .startsWith("type: required, but missing; one of IncidentLogged, Categorized,")
        .endsWith("SlaThresholdReached, SlaBreached");
  }

  @Test
  void eventWithTheTypeNotFirst_isRead_andItsErrorsKeepTheirPath() {
    io.itsm.core.event.IncidentEvent event = Fixtures.oneOfEach().get(17);
    String text = json.writeEvent(event);
    String typeLast = "{" + text.substring(text.indexOf(',') + 1, text.length() - 1)
        + ",\"type\":\"" + event.type() + "\"}";

    assertThat(json.readEvent(typeLast)).isEqualTo(event);
    JsonFormatException e =
        catchThrowableOfType(
            JsonFormatException.class,
            () -> json.readEvent(typeLast.replace("\"reason\"", "\"reasn\"")));
    assertThat(e.getPath()).isEqualTo("$.reasn");
    assertThat(e.getProblem()).endsWith("did you mean 'reason'?");
  }

  @Test
  void approvers_haveExactlyOneOfUserOrRole() {
    String valid = json.writeApproval(Fixtures.twoStageApproval());

    JsonFormatException both =
        catchThrowableOfType(
            JsonFormatException.class,
            () -> json.readApproval(
                valid.replace("{\"user\":\"bob\"}", "{\"user\":\"bob\",\"role\":\"AGENT\"}")));
    JsonFormatException typo =
        catchThrowableOfType(
            JsonFormatException.class,
            () -> json.readApproval(valid.replace("{\"user\":\"bob\"}", "{\"usr\":\"bob\"}")));
    JsonFormatException role =
        catchThrowableOfType(
            JsonFormatException.class,
            () -> json.readApproval(valid.replace("\"MANAGER\"", "\"BOSS\"")));

    assertThat(both.getPath()).isEqualTo("$.stages[0].approvers[0]");
    assertThat(both.getProblem())
        .startsWith("stages[0].approvers[0]: an approver has exactly one of 'user' (a user id) or 'role'");
    assertThat(typo.getProblem())
        .startsWith("unknown property 'usr' at stages[0].approvers[0]; known properties: user, role")
        .endsWith("did you mean 'user'?");
    assertThat(role.getPath()).isEqualTo("$.stages[1].approvers[0].role");
  }

  @Test
  void quorum_isRequiredWithQuorumAndRejectedOtherwise() {
    String valid = json.writeApproval(Fixtures.twoStageApproval());

    JsonFormatException missing =
        catchThrowableOfType(
            JsonFormatException.class,
            () -> json.readApproval(valid.replace(",\"quorum\":2", "")));
    JsonFormatException extra =
        catchThrowableOfType(
            JsonFormatException.class,
            () -> json.readApproval(valid.replace("\"policy\":\"ANY\"", "\"policy\":\"ANY\",\"quorum\":1")));

    assertThat(missing.getPath()).isEqualTo("$.stages[1].quorum");
    assertThat(missing.getProblem())
        .isEqualTo("stages[1].quorum: required when policy is QUORUM: how many approvals are needed");
    assertThat(extra.getProblem())
        .isEqualTo("stages[2].quorum: only allowed when policy is QUORUM, but policy was ANY");
  }

  @Test
  void incidentFormatVersion_isChecked() {
    String valid = json.writeIncident(Fixtures.fullIncident());

    JsonFormatException e =
        catchThrowableOfType(
            JsonFormatException.class,
            () -> json.readIncident(valid.replace("\"formatVersion\":1", "\"formatVersion\":2")));

    assertThat(e.getPath()).isEqualTo("$.formatVersion");
    assertThat(e.getColumn()).hasValue(18);
    assertThat(json.readIncident(valid.replace("\"formatVersion\":1,", "")))
        .isEqualTo(Fixtures.fullIncident());
  }
}
