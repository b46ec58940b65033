using System.Globalization;
using EfficiencyDashboard.Core.Catalog;
using EfficiencyDashboard.Core.Data;
using EfficiencyDashboard.Core.Reports;
using EfficiencyDashboard.Core.Runs;
using EfficiencyDashboard.Web.Reports.Measured;
using Microsoft.EntityFrameworkCore;

namespace EfficiencyDashboard.Web.Reports.DecompositionReport;

/// <summary>
/// The change from a baseline configuration to a target one, split into hardware, algorithm and architecture by
/// <see cref="ShapleyDecomposition"/> over the eight cells. A cell is measured (geometric mean efficiency of its runs, from the
/// per-setting aggregates), else taken from reference data where defensible (<see cref="HardwareReferenceRatio"/>), else
/// missing: never made up. Defaults tell a two-year story (<see cref="DecompositionDefaults"/>).
/// </summary>
/// <param name="Request">The request with its defaults filled in.</param>
/// <param name="Cells">The eight cells, 000 to 111; empty when nothing was measured.</param>
/// <param name="Decomposition">The Shapley decomposition; incomplete (no factors) when a cell is missing.</param>
/// <param name="Story">How the default baseline and target were chosen, in words; null when the request named both.</param>
public sealed record DecompositionReportData(
    DecompositionRequest Request,
    IReadOnlyList<DecompositionCellView> Cells,
    GainDecomposition? Decomposition,
    IReadOnlyList<DecompositionChoice> HardwareChoices,
    IReadOnlyList<DecompositionChoice> Architectures,
    IReadOnlyList<int> BatchSizes,
    IReadOnlyList<Scenario> Scenarios,
    string? Story = null)
{
    public static async Task<DecompositionReportData> LoadAsync(EfficiencyContext db, DecompositionRequest request, CancellationToken cancellationToken = default)
    {
        var settings = await MeasuredSettings.LoadAsync(db, request.Runs, cancellationToken);
        var measured = MeasuredConfiguration.From(settings);
        var hardwareChoices = measured.Select(m => (m.HardwareId, m.Provider)).Distinct()
            .Select(h => new DecompositionChoice($"{h.HardwareId.ToString(CultureInfo.InvariantCulture)}:{h.Provider.ApiName()}",
                $"{settings.MachineName(h.HardwareId)}, {h.Provider.DisplayName()} (as run)"))
            .ToList();
        var architectures = settings.Models.Values.Where(m => m.ParentId is null).OrderBy(m => m.Name, StringComparer.Ordinal)
            .Select(m => new DecompositionChoice(m.Id.ToString(CultureInfo.InvariantCulture),
                m.Published is { } p ? $"{m.Name} ({p.PublishedMonth.Year})" : m.Name)).ToList();
        var batchSizes = measured.Select(m => m.BatchSize).Distinct().Order().ToList();
        var scenarios = measured.Select(m => m.Scenario).Distinct().Order().ToList();

        var (resolved, story) = DecompositionDefaults.Apply(request, measured, settings);
        if (resolved.Baseline is not { } baseline || resolved.Target is not { } target)
        {
            return new DecompositionReportData(resolved, [], null, hardwareChoices, architectures, batchSizes, scenarios);
        }

        var cells = new List<DecompositionCellView>();
        foreach (var combination in FactorCombination.All)
        {
            var configuration = new DecompositionConfiguration(
                combination.Hardware ? target.HardwareId : baseline.HardwareId,
                combination.Hardware ? target.Provider : baseline.Provider,
                combination.Algorithm ? target.Technique : baseline.Technique,
                combination.Architecture ? target.ModelId : baseline.ModelId);
            cells.Add(Measure(combination, configuration, resolved, measured, settings));
        }

        cells = await AddHardwareReferencesAsync(db, cells, resolved, settings.Models, cancellationToken);
        var decomposition = ShapleyDecomposition.Compute(cells.Select(c => c.Cell).ToList());
        return new DecompositionReportData(resolved, cells, decomposition, hardwareChoices, architectures, batchSizes, scenarios, story);
    }

    private static DecompositionCellView Measure(
        FactorCombination combination, DecompositionConfiguration configuration, DecompositionRequest request,
        List<MeasuredConfiguration> measured, MeasuredSettings settings)
    {
        var code = combination.Code;
        var models = settings.Models;
        var rows = measured.Where(m => m.HardwareId == configuration.HardwareId && m.Provider == configuration.Provider
            && m.BatchSize == request.BatchSize && m.Scenario == request.Scenario).ToList();
        var modelIds = configuration.Technique is not { } technique
            ? (models.ContainsKey(configuration.ModelId) ? [configuration.ModelId] : [])
            : models.Values.Where(m => m.ParentId == configuration.ModelId && m.Technique == technique)
                .OrderByDescending(m => rows.Where(r => r.ModelId == m.Id).Sum(r => r.Runs)).ThenByDescending(m => m.AddedAtUtc)
                .Select(m => m.Id).ToList();
        int? modelId = modelIds.Count > 0 ? modelIds[0] : null;
        var architectureName = settings.ModelName(configuration.ModelId);
        var hardwareName = settings.MachineName(configuration.HardwareId);
        var description = $"{hardwareName}, {configuration.Provider.DisplayName()} (as run); {configuration.TechniqueName}; {architectureName}";

        var row = rows.FirstOrDefault(r => r.ModelId == modelId);
        if (row?.Efficiency(request.Metric) is { } efficiency)
        {
            var figures = row.Figures;
            var runIds = figures.MaxThroughputRunId == figures.LastRunId ? [figures.LastRunId] : new[] { figures.LastRunId, figures.MaxThroughputRunId };
            return new DecompositionCellView(configuration, modelId, description,
                DecompositionCell.Measured(code, efficiency, [.. runIds.Select(id => id.ToString(CultureInfo.InvariantCulture))]), row.Runs, null,
                figures.InvalidRuns, request.Metric == DecompositionMetric.SamplesPerJoule ? figures.EnergyScope : null);
        }

        var setting = $"on {hardwareName} with provider {configuration.Provider.ApiName()}, batch {request.BatchSize}, scenario {request.Scenario?.ApiName()}";
        var how = modelId is not { } id
            ? $"No {configuration.TechniqueName} variant of {architectureName} exists: make one (Models page, or POST /api/models/{configuration.ModelId}/variants " +
              $"{{\"technique\": \"{configuration.TechniqueName}\"}}), then run it {setting}."
            : row is not null
                ? $"Runs of {models[id].Name} {setting} measured no energy; run it where energy can be measured (NVML or RAPL)."
                : $"Run {models[id].Name} (model {id}) {setting} (Runs page, or POST /api/runs){(request.Runs == RunSelection.ValidOnly ? "; only VALID runs count here" : "")}.";
        return new DecompositionCellView(configuration, modelId, description, DecompositionCell.Missing(code), 0, how);
    }

    /// <summary>
    /// A missing cell whose twin on the other machine was measured becomes a reference cell: the twin times the MLPerf
    /// per-accelerator ratio of the two machines. Throughput on GPU providers only: that is all MLPerf measures per accelerator.
    /// </summary>
    private static async Task<List<DecompositionCellView>> AddHardwareReferencesAsync(
        EfficiencyContext db, List<DecompositionCellView> cells, DecompositionRequest request, IReadOnlyDictionary<int, CatalogModel> models,
        CancellationToken cancellationToken)
    {
        var (baseline, target) = (request.Baseline!, request.Target!);
        if (request.Metric != DecompositionMetric.SamplesPerSecond || baseline.HardwareId == target.HardwareId
            || baseline.Provider == ExecutionProvider.Cpu || target.Provider == ExecutionProvider.Cpu
            || cells.All(c => c.Cell.Provenance != ProvenanceKind.Missing))
        {
            return cells;
        }

        var ratios = new Dictionary<string, HardwareReferenceRatio?>();
        var result = new List<DecompositionCellView>();
        foreach (var cell in cells)
        {
            var twinCombination = cell.Combination with { Hardware = !cell.Combination.Hardware };
            var twin = cells.First(c => c.Combination == twinCombination);
            if (cell.Cell.Provenance != ProvenanceKind.Missing || twin.Cell.Provenance != ProvenanceKind.Measured)
            {
                result.Add(cell);
                continue;
            }

            var task = models.TryGetValue(cell.Configuration.ModelId, out var model) ? model.Task : "";
            var benchmark = task.Contains("text", StringComparison.OrdinalIgnoreCase) ? "bert-99" : "resnet50";
            if (!ratios.TryGetValue(benchmark, out var ratio))
            {
                ratio = ratios[benchmark] = await HardwareReferenceRatio.LoadAsync(db, baseline.HardwareId, target.HardwareId, benchmark, cancellationToken);
            }

            if (ratio is null)
            {
                result.Add(cell);
                continue;
            }

            var factor = cell.Combination.Hardware ? ratio.Ratio : 1 / ratio.Ratio;
            result.Add(cell with
            {
                Cell = DecompositionCell.Reference(cell.Combination.Code, twin.Cell.Efficiency!.Value * factor,
                    $"measured cell {twin.Combination.Code} (runs {string.Join(", ", twin.Cell.ProvenanceIds)}) × hardware ratio" + (cell.Combination.Hardware ? "" : "⁻¹"),
                    ratio.Source),
                HowToMeasure = null,
            });
        }

        return result;
    }
}
