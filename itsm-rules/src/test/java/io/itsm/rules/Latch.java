package io.itsm.rules;

/** A switch trusted test rules spin on, so a "stuck" consequence can be let go at the end. */
public final class Latch {
  private static volatile boolean released;

  private Latch() {}

  /**
   * Whether the latch was released.
   *
   * @return whether spinning rules may return
   */
  public static boolean released() {
    return released;
  }

  static void release() {
    released = true;
  }

  static void reset() {
    released = false;
  }
}
