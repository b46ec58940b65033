namespace EfficiencyDashboard.Web.Runs;

/// <summary>How and where a result was measured.</summary>
public sealed record RunProvenanceView(
    string OnnxRuntimeVersion, int IntraOpThreads, string MachineName, string CpuModel, int LogicalCores, string OperatingSystem, string RuntimeVersion, DateTime MeasuredAtUtc);
