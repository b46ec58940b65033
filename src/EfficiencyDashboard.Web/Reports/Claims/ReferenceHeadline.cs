using EfficiencyDashboard.Core.Reports;

namespace EfficiencyDashboard.Web.Reports.Claims;

/// <summary>The two-year gain of one task from MLPerf Inference reference results. Reference, never measured here.</summary>
/// <param name="Task">The task in the product's words (<c>image classification</c>).</param>
/// <param name="Benchmark">The MLPerf benchmark (<c>resnet50</c>).</param>
/// <param name="Selection">The results compared, in words.</param>
/// <param name="Throughput">Best per-accelerator throughput, latest round against the round about two years earlier.</param>
/// <param name="SamplesPerJoule">Best whole-system samples per joule, likewise.</param>
/// <param name="Method">How the gain is computed, in one sentence.</param>
public sealed record ReferenceHeadline(
    string Task,
    string Benchmark,
    string Selection,
    MlperfRoundComparison Throughput,
    MlperfRoundComparison SamplesPerJoule,
    string Method);
