using EfficiencyDashboard.Core.Reports;
using EfficiencyDashboard.Web.Reports.Measured;

namespace EfficiencyDashboard.Web.Reports.AlgorithmReport;

/// <summary>
/// Every variant and distilled student against its parent or teacher, wherever both were measured in the same setting,
/// from the per-setting aggregates. Server runs are left out: their throughput is the offered rate, not the model's.
/// </summary>
public static class AlgorithmComparisons
{
    public static List<AlgorithmComparison> From(MeasuredSettings measured, Func<MeasuredSetting, bool>? include = null)
    {
        var comparisons = new List<AlgorithmComparison>();
        foreach (var target in measured.Settings.Where(s => s.ComparesThroughput && (include?.Invoke(s.Setting) ?? true)))
        {
            if (!measured.Models.TryGetValue(target.Key.ModelId, out var variant) || (variant.ParentId ?? variant.TeacherId) is not { } baselineId
                || !measured.Models.TryGetValue(baselineId, out var baseline)
                || measured.Find(target.Setting.For(baselineId)) is not { } reference)
            {
                continue;
            }

            var energy = reference.SamplesPerJoule.Count > 0 && target.SamplesPerJoule.Count > 0
                ? GainEstimate.FromRunMoments(reference.SamplesPerJoule, target.SamplesPerJoule)
                : null;
            comparisons.Add(new AlgorithmComparison(
                baseline, variant, variant.ParentId is null, target.Setting, measured.MachineName(target.Key.HardwareId),
                reference.SpeedUpTo(target), energy, null, energy is null ? null : target.EnergyScope,
                ComparedSide.Of(reference), ComparedSide.Of(target)));
        }

        return [.. comparisons
            .OrderBy(c => c.Variant.Technique).ThenBy(c => c.Variant.Name, StringComparer.Ordinal)
            .ThenBy(c => c.Setting.HardwareId).ThenBy(c => c.Setting.Provider).ThenBy(c => c.Setting.BatchSize)];
    }
}
