namespace EfficiencyDashboard.Web.Sandbox;

/// <summary>A sandbox process was stopped (its memory or time limit) or died; the message says which, in words.</summary>
public sealed class SandboxStoppedException(string message) : Exception(message);
