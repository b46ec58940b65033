using EfficiencyDashboard.Core.Catalog;
using EfficiencyDashboard.Core.Reports.Claims;
using EfficiencyDashboard.Core.Runs;

namespace EfficiencyDashboard.Web.Reports.Claims;

/// <summary>One group of a claim's measured evidence: the settings that share hardware, provider, precision, family and batch size.</summary>
/// <param name="Label">The group in words, as a mixed verdict names it.</param>
/// <param name="Hardware">The machine's name.</param>
/// <param name="Provider">The execution provider as run.</param>
/// <param name="Precision">fp32, fp16 or int8.</param>
/// <param name="Family">The architecture family of the target models.</param>
/// <param name="BatchSize">Samples per query.</param>
/// <param name="Estimate">The group's geometric-mean factor with its 95% interval.</param>
/// <param name="Verdict">The rule applied to this group alone.</param>
/// <param name="Comparisons">Counted comparisons in the group.</param>
public sealed record ClaimGroup(
    string Label,
    string Hardware,
    ExecutionProvider Provider,
    string Precision,
    ModelFamily Family,
    int BatchSize,
    CentralEstimate Estimate,
    ClaimVerdict Verdict,
    int Comparisons)
{
    /// <summary>CPU or GPU.</summary>
    public string HardwareKind => Provider == ExecutionProvider.Cpu ? "CPU" : "GPU";
}
