namespace EfficiencyDashboard.Web.Reports.Measured;

/// <summary>A machine runs executed on, as the reports name it.</summary>
/// <param name="Name">"accelerator or CPU (machine)".</param>
/// <param name="AcceleratorAnnounced">The announcement month of its GPU's datasheet, when the GPU matches the accelerator catalog.</param>
public sealed record Machine(int Id, string Name, string MachineName, string? AcceleratorName, DateOnly? AcceleratorAnnounced, DateTime FirstSeenAtUtc)
{
    /// <summary>The label of a run without a hardware record.</summary>
    public const string Unknown = "unknown machine";
}
