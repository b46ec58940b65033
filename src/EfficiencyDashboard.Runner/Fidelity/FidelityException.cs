namespace EfficiencyDashboard.Runner.Fidelity;

/// <summary>Fidelity cannot be measured (for example the variant does not run on the CPU); the message says why.</summary>
public sealed class FidelityException(string message, Exception? inner = null) : Exception(message, inner);
