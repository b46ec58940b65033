namespace EfficiencyDashboard.Runner.Techniques;

/// <summary>A technique cannot make a variant of this model; the message says why in words an engineer can act on.</summary>
public sealed class TechniqueNotApplicableException(string message, Exception? inner = null) : Exception(message, inner);
