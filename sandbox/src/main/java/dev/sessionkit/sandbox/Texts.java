package dev.sessionkit.sandbox;

/** The phrases generated sessions are written with. Internal. */
final class Texts {
  static final String[] USER = {
    "Hello, this is a test message.",
    "Can you summarise the open pull requests?",
    "Please add a unit test for the pagination edge case.",
    "Why does the nightly build fail on Windows?",
    "Rename the config flag and update the docs.",
    "What changed in the last release?",
    "I'm having trouble with my widget installation.",
    "Find the slowest endpoint in yesterday's logs.",
  };
  static final String[] AGENT = {
    "Done: the change is on a new branch and the tests pass.",
    "Here is a summary of what I found.",
    "I could not reproduce the failure; here is what I tried.",
    "I updated three files and left a note in the README.",
    "The build fails because a path separator is hard-coded.",
    "I can help you troubleshoot the widget installation.",
  };
  static final String[] THINKING = {
    "The user wants a summary; I should list the items first.",
    "I should search the knowledge base for troubleshooting steps.",
    "The failing test points at the cursor handling.",
    "Two files need the same change; I will do both.",
  };
  static final String[] TOOL_QUERY = {
    "widget installation troubleshooting", "release notes", "nightly build failure", "pagination cursor",
  };
  static final String[] MODEL = {"gpt-4.1-mini", "claude-sonnet-4", "gemini-2.5-flash"};
  static final String[] PROVIDER = {"openai", "anthropic", "google"};
  static final String[] SCENARIO = {"Refund request", "Password reset", "Order status", "Escalation to a human"};
  static final String[] QUESTION = {
    "Did the agent answer politely?", "Did the agent ask for the order number?", "Was the answer correct?",
  };

  private Texts() {}
}
