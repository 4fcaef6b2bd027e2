package io.itsm.core.json;

import io.itsm.core.ValidationException;
import io.itsm.core.access.Role;
import io.itsm.core.approval.Approver;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** An approver as written in JSON: {@code {"user": id}} or {@code {"role": ROLE}}. */
record ApproverDocument(Optional<String> user, Optional<Role> role) {

  static ApproverDocument of(Approver approver) {
    return approver instanceof Approver.User u
        ? new ApproverDocument(Optional.of(u.userId()), Optional.empty())
        : new ApproverDocument(Optional.empty(), Optional.of(((Approver.RoleHolder) approver).role()));
  }

  Approver toApprover() {
    if (user.isPresent() == role.isPresent()) {
      throw new ValidationException(
          "an approver has exactly one of 'user' (a user id) or 'role' (one of "
              + Arrays.stream(Role.values()).map(Role::name).collect(Collectors.joining(", "))
              + ")");
    }
    if (user.isPresent() && user.get().isBlank()) {
      throw new ValidationException("user: must not be blank, but was '" + user.get() + "'");
    }
    return user.map(Approver::user).orElseGet(() -> Approver.role(role.orElseThrow()));
  }
}
