namespace EfficiencyDashboard.Web.Sandbox;

/// <summary>What a sandbox process hands back: its value, or the error a user caused (a model it cannot process) and its kind.</summary>
public sealed record SandboxOutcome<T>(T? Value, string? Error = null, string? ErrorKind = null)
    where T : class;
