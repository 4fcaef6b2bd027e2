package io.itsm.core.knowledge;

import io.itsm.core.ItsmException;
import java.util.List;
import java.util.Objects;

/**
 * Thrown when a command is not allowed in an article's state: publishing a draft that was never
 * reviewed, editing a retired article, submitting one that is already in review. The message
 * names the article, its state, the command, the states it is allowed in and what to do instead.
 * Nothing was changed.
 *
 * <p>Immutable.
 */
public class ArticleStateException extends ItsmException {

  private static final long serialVersionUID = 1L;

  private final String articleId;
  private final ArticleState state;
  private final String command;
  private final List<ArticleState> allowedIn;

  /**
   * Creates the exception.
   *
   * @param articleId the article
   * @param state its state
   * @param command the refused command, for example {@code "review"}
   * @param allowedIn the states the command is allowed in
   * @param hint what to do instead, or empty
   */
  public ArticleStateException(String articleId, ArticleState state, String command,
      List<ArticleState> allowedIn, String hint) {
    super("article " + Objects.requireNonNull(articleId, "articleId") + " is "
        + Objects.requireNonNull(state, "state") + ": " + Objects.requireNonNull(command, "command")
        + " is allowed only when " + describe(allowedIn)
        + (hint == null || hint.isBlank() ? "" : "; " + hint));
    this.articleId = articleId;
    this.state = state;
    this.command = command;
    this.allowedIn = List.copyOf(allowedIn);
  }

  private static String describe(List<ArticleState> states) {
    if (states.isEmpty()) {
      return "never";
    }
    List<String> names = states.stream().map(Enum::name).toList();
    return names.size() == 1 ? names.get(0)
        : String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
  }

  /**
   * Returns the article's id.
   *
   * @return the id
   */
  public String getArticleId() {
    return articleId;
  }

  /**
   * Returns the article's state when the command was refused.
   *
   * @return the state
   */
  public ArticleState getState() {
    return state;
  }

  /**
   * Returns the refused command.
   *
   * @return the command's name, as the {@link KnowledgeBase} method
   */
  public String getCommand() {
    return command;
  }

  /**
   * Returns the states the command is allowed in.
   *
   * @return the states
   */
  public List<ArticleState> getAllowedIn() {
    return allowedIn;
  }
}
