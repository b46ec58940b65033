namespace EfficiencyDashboard.Web.Runs;

/// <summary>How and where a result was measured.</summary>
/// <param name="RunnerCores">The cores the runner could run on, as a CPU list such as "0-1".</param>
public sealed record RunProvenanceView(
    string OnnxRuntimeVersion, int IntraOpThreads, string MachineName, string CpuModel, int LogicalCores, string OperatingSystem, string RuntimeVersion,
    DateTime MeasuredAtUtc, string? RunnerCores);
