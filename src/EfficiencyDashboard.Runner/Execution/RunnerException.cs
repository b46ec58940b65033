namespace EfficiencyDashboard.Runner.Execution;

/// <summary>A run cannot proceed for a reason the user can act on; the message says what and why.</summary>
public sealed class RunnerException(string message, Exception? inner = null) : Exception(message, inner);
