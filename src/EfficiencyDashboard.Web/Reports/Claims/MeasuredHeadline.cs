namespace EfficiencyDashboard.Web.Reports.Claims;

/// <summary>
/// The measured two-year gain of a task: best samples per joule of this install's runs now / two years ago, with energy of
/// one scope (GPU board or CPU package figures are never compared with each other).
/// </summary>
/// <param name="Task">The task.</param>
/// <param name="EnergyScope">What the energy figures cover.</param>
/// <param name="Factor">The gain; null when the runs do not span two years (see <paramref name="Reason"/>).</param>
/// <param name="CurrentRunId">The run that sets today's best.</param>
/// <param name="EarlierRunId">The run that set the best two years ago.</param>
/// <param name="CurrentSamplesPerJoule">Today's best samples per joule.</param>
/// <param name="EarlierSamplesPerJoule">The best two years ago.</param>
/// <param name="Reason">Why there is no factor; null when there is one.</param>
public sealed record MeasuredHeadline(
    string Task,
    string EnergyScope,
    double? Factor,
    long? CurrentRunId,
    long? EarlierRunId,
    double? CurrentSamplesPerJoule,
    double? EarlierSamplesPerJoule,
    string? Reason);
