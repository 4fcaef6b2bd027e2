package io.itsm.core.access;

import io.itsm.core.incident.Incident;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The default access policy: roles grant permissions (a configurable mapping), and three rules of
 * ownership apply on top.
 *
 * <ul>
 *   <li>{@code _OWN} permissions ({@link Permission#VIEW_OWN}, {@link Permission#COMMENT_OWN},
 *       {@link Permission#CONFIRM_OWN}, {@link Permission#CANCEL_OWN}) stand in for their general
 *       form only on incidents whose caller is the actor: an end user sees and comments on their
 *       own tickets only.
 *   <li>{@link Permission#WORK} (start, hold, resume, resolve) applies only to incidents assigned
 *       to one of the actor's teams, unless the actor holds {@link Permission#WORK_ANY_TEAM}: only
 *       the assignment group resolves.
 *   <li>Deciding an approval also needs the actor to be an approver of it; the desk checks that on
 *       the approval itself.
 * </ul>
 *
 * <p>The default mapping ({@link #DEFAULT_GRANTS}): END_USER logs and follows their own tickets;
 * AGENT and SPECIALIST work, comment, triage, assign, link, escalate, cancel and confirm on the
 * caller's behalf, read the CMDB, request changes and draft announcements; AGENT (the service
 * desk's first line) also resolves NEW, unassigned incidents at first contact ({@link
 * Permission#RESOLVE_AT_FIRST_CONTACT}); SPECIALIST also implements changes and manages problems;
 * TEAM_LEAD, MANAGER and SENIOR_MANAGER hold what AGENT holds and also close (with or without a
 * resolution), decide approvals, implement changes and publish announcements; ADMIN holds every
 * permission, and is the only role that changes the CMDB directly ({@link Permission#CMDB_UPDATE};
 * everyone else goes through a change request). Deciding an approval of a change or an
 * announcement needs {@link Permission#DECIDE_APPROVAL} and being an approver of its current
 * stage. For the improvement practices: everyone answers their own surveys ({@link
 * Permission#SURVEY_ANSWER_OWN}); SPECIALIST and the leads manage problems; TEAM_LEAD, MANAGER and
 * SENIOR_MANAGER also run post-incident reviews, manage preventive actions, see surveys and close
 * their follow-ups. Who approves a review is the review's approvers (by default any
 * SENIOR_MANAGER), checked on the approval itself.
 *
 * <p>Knowledge base: END_USER reads published public articles ({@link
 * Permission#KNOWLEDGE_READ_PUBLIC}); AGENT, SPECIALIST, TEAM_LEAD, MANAGER and SENIOR_MANAGER also
 * read every article and draft ({@link Permission#KNOWLEDGE_READ}, {@link
 * Permission#KNOWLEDGE_DRAFT}); KNOWLEDGE_REVIEWER reads, drafts and reviews ({@link
 * Permission#KNOWLEDGE_REVIEW}), and nothing else.
 *
 * <p>Immutable and thread-safe.
 */
public final class RoleBasedAccessPolicy implements AccessPolicy {

  /** The default role → permissions mapping. */
  public static final Map<Role, Set<Permission>> DEFAULT_GRANTS = defaultGrants();

  private static final RoleBasedAccessPolicy DEFAULTS = new RoleBasedAccessPolicy(DEFAULT_GRANTS);

  private final Map<Role, Set<Permission>> grants;

  private RoleBasedAccessPolicy(Map<Role, Set<Permission>> grants) {
    Map<Role, Set<Permission>> copy = new EnumMap<>(Role.class);
    for (Role r : Role.values()) {
      Set<Permission> p = grants.get(r);
      copy.put(r, p == null || p.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(p)));
    }
    this.grants = Collections.unmodifiableMap(copy);
  }

  private static Map<Role, Set<Permission>> defaultGrants() {
    Set<Permission> user =
        EnumSet.of(Permission.LOG, Permission.VIEW_OWN, Permission.COMMENT_OWN,
            Permission.CONFIRM_OWN, Permission.CANCEL_OWN, Permission.SURVEY_ANSWER_OWN,
            Permission.KNOWLEDGE_READ_PUBLIC);
    Set<Permission> agent = EnumSet.copyOf(user);
    agent.addAll(EnumSet.of(Permission.VIEW_ALL, Permission.COMMENT, Permission.WORK_NOTE,
        Permission.CATEGORIZE, Permission.PRIORITIZE, Permission.ASSIGN, Permission.WORK,
        Permission.CONFIRM_ON_BEHALF, Permission.LINK, Permission.ESCALATE, Permission.CANCEL,
        Permission.CMDB_READ, Permission.CHANGE_REQUEST, Permission.ANNOUNCEMENT_DRAFT,
        Permission.KNOWLEDGE_READ, Permission.KNOWLEDGE_DRAFT));
    Set<Permission> specialist = EnumSet.copyOf(agent);
    specialist.addAll(EnumSet.of(Permission.PROBLEM_MANAGE, Permission.CHANGE_IMPLEMENT));
    agent.add(Permission.RESOLVE_AT_FIRST_CONTACT);
    Set<Permission> lead = EnumSet.copyOf(agent);
    lead.addAll(EnumSet.of(Permission.CLOSE, Permission.DECIDE_APPROVAL, Permission.PROBLEM_MANAGE,
        Permission.REVIEW_MANAGE, Permission.PREVENTIVE_ACTION_MANAGE, Permission.SURVEY_VIEW,
        Permission.SURVEY_FOLLOW_UP, Permission.CHANGE_IMPLEMENT, Permission.ANNOUNCEMENT_PUBLISH));
    Map<Role, Set<Permission>> m = new EnumMap<>(Role.class);
    m.put(Role.END_USER, Collections.unmodifiableSet(user));
    m.put(Role.AGENT, Collections.unmodifiableSet(agent));
    m.put(Role.SPECIALIST, Collections.unmodifiableSet(specialist));
    m.put(Role.TEAM_LEAD, Collections.unmodifiableSet(lead));
    m.put(Role.MANAGER, Collections.unmodifiableSet(EnumSet.copyOf(lead)));
    m.put(Role.SENIOR_MANAGER, Collections.unmodifiableSet(EnumSet.copyOf(lead)));
    m.put(Role.ADMIN, Collections.unmodifiableSet(EnumSet.allOf(Permission.class)));
    m.put(Role.KNOWLEDGE_REVIEWER, Collections.unmodifiableSet(EnumSet.of(
        Permission.KNOWLEDGE_READ_PUBLIC, Permission.KNOWLEDGE_READ, Permission.KNOWLEDGE_DRAFT,
        Permission.KNOWLEDGE_REVIEW)));
    return Collections.unmodifiableMap(m);
  }

  /**
   * Returns the policy with {@link #DEFAULT_GRANTS}.
   *
   * @return the default policy
   */
  public static RoleBasedAccessPolicy defaults() {
    return DEFAULTS;
  }

  /**
   * Creates a policy with another mapping. Roles missing from the map grant nothing.
   *
   * @param grants role → permissions
   * @return the policy
   */
  public static RoleBasedAccessPolicy of(Map<Role, Set<Permission>> grants) {
    Objects.requireNonNull(grants, "grants");
    return new RoleBasedAccessPolicy(grants);
  }

  /**
   * Returns a copy in which a role also holds some permissions.
   *
   * @param role the role
   * @param permissions the permissions to add
   * @return the new policy
   */
  public RoleBasedAccessPolicy grant(Role role, Permission... permissions) {
    Map<Role, Set<Permission>> m = new EnumMap<>(grants);
    Set<Permission> p = EnumSet.noneOf(Permission.class);
    p.addAll(grants.get(role));
    p.addAll(Set.of(permissions));
    m.put(role, p);
    return new RoleBasedAccessPolicy(m);
  }

  /**
   * Returns a copy in which a role no longer holds some permissions.
   *
   * @param role the role
   * @param permissions the permissions to remove
   * @return the new policy
   */
  public RoleBasedAccessPolicy revoke(Role role, Permission... permissions) {
    Map<Role, Set<Permission>> m = new EnumMap<>(grants);
    Set<Permission> p = EnumSet.noneOf(Permission.class);
    p.addAll(grants.get(role));
    p.removeAll(Set.of(permissions));
    m.put(role, p);
    return new RoleBasedAccessPolicy(m);
  }

  /**
   * Returns the permissions of a role.
   *
   * @param role the role
   * @return an immutable set
   */
  public Set<Permission> permissionsOf(Role role) {
    return grants.get(Objects.requireNonNull(role, "role"));
  }

  private boolean holds(Actor actor, Permission permission) {
    for (Role r : actor.roles()) {
      if (grants.get(r).contains(permission)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void check(Actor actor, Permission permission, Optional<Incident> incident) {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(permission, "permission");
    Objects.requireNonNull(incident, "incident");
    String incidentId = incident.map(Incident::id).orElse(null);
    boolean own = incident.map(i -> i.isCalledBy(actor.id())).orElse(false);
    Permission ownForm = ownForm(permission);
    if (permission == Permission.WORK) {
      if (holds(actor, Permission.WORK_ANY_TEAM)) {
        return;
      }
      if (!holds(actor, Permission.WORK)) {
        throw new AccessDeniedException(actor, permission, incidentId,
            "none of the actor's roles grants WORK");
      }
      Optional<String> team = incident.flatMap(Incident::team);
      if (team.isPresent() && actor.isMemberOf(team.get())) {
        return;
      }
      throw new AccessDeniedException(actor, permission, incidentId,
          team.map(t -> "only members of the assignment group " + t + " may work on it (actor's teams: "
                  + actor.teams().stream().sorted().toList() + ")")
              .orElse("the incident is not assigned to a team yet; ASSIGN it first"));
    }
    if (holds(actor, permission)) {
      return;
    }
    if (ownForm != null && holds(actor, ownForm)) {
      if (own) {
        return;
      }
      throw new AccessDeniedException(actor, permission, incidentId,
          "the actor holds only " + ownForm + ", and is not the incident's caller");
    }
    throw new AccessDeniedException(actor, permission, incidentId,
        "none of the actor's roles grants " + permission
            + (ownForm == null ? "" : " or " + ownForm));
  }

  private static Permission ownForm(Permission p) {
    switch (p) {
      case VIEW_ALL:
        return Permission.VIEW_OWN;
      case COMMENT:
        return Permission.COMMENT_OWN;
      case CANCEL:
        return Permission.CANCEL_OWN;
      case CONFIRM_ON_BEHALF:
        return Permission.CONFIRM_OWN;
      default:
        return null;
    }
  }
}
