namespace EfficiencyDashboard.Web.Workers;

/// <summary>This worker instance's id: the owner of the leases it holds, and the name of its job servers.</summary>
public sealed record WorkerIdentity(string Id)
{
    /// <summary>A new id; a supervisor makes one per worker it starts, so it knows which leases a dead worker held.</summary>
    public static string NewId() => $"{Environment.MachineName}/worker-{Guid.NewGuid().ToString("N")[..8]}";
}
