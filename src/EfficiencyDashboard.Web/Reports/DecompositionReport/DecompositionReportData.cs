using System.Globalization;
using EfficiencyDashboard.Core.Catalog;
using EfficiencyDashboard.Core.Data;
using EfficiencyDashboard.Core.Reports;
using EfficiencyDashboard.Core.Runs;
using EfficiencyDashboard.Web.Reports.AlgorithmReport;
using Microsoft.EntityFrameworkCore;

namespace EfficiencyDashboard.Web.Reports.DecompositionReport;

/// <summary>
/// The change from a baseline configuration to a target one, split into hardware, algorithm and architecture by
/// <see cref="ShapleyDecomposition"/> over the eight cells. A cell is measured (mean efficiency of its succeeded runs, in SQL),
/// else taken from reference data where defensible (<see cref="HardwareReferenceRatio"/>), else missing: never made up.
/// Defaults: the target is the most efficient measured configuration, the baseline the least efficient one with the same
/// batch size and scenario (the earliest measured on a tie).
/// </summary>
/// <param name="Request">The request with its defaults filled in.</param>
/// <param name="Cells">The eight cells, 000 to 111; empty when nothing was measured.</param>
/// <param name="Decomposition">The Shapley decomposition; incomplete (no factors) when a cell is missing.</param>
public sealed record DecompositionReportData(
    DecompositionRequest Request,
    IReadOnlyList<DecompositionCellView> Cells,
    GainDecomposition? Decomposition,
    IReadOnlyList<DecompositionChoice> HardwareChoices,
    IReadOnlyList<DecompositionChoice> Architectures,
    IReadOnlyList<int> BatchSizes,
    IReadOnlyList<Scenario> Scenarios)
{
    /// <summary>Run ids listed for a measured cell.</summary>
    public const int RunIdsPerCell = 10;

    public static async Task<DecompositionReportData> LoadAsync(EfficiencyContext db, DecompositionRequest request, CancellationToken cancellationToken = default)
    {
        var models = await db.Models.AsNoTracking()
            .Select(m => new CatalogModel(m.Id, m.Name, m.Task, m.ParentId, m.Technique, m.AddedAtUtc))
            .ToDictionaryAsync(m => m.Id, cancellationToken);
        var measured = await MeasuredConfiguration.LoadAsync(db, cancellationToken);
        var hardware = await HardwareLabel.LoadAsync(db, cancellationToken);
        var hardwareChoices = measured.Select(m => (m.HardwareId, m.Provider)).Distinct()
            .Select(h => new DecompositionChoice($"{h.HardwareId.ToString(CultureInfo.InvariantCulture)}:{h.Provider.ApiName()}",
                $"{HardwareLabel.Of(hardware, h.HardwareId)}, {h.Provider.DisplayName()}"))
            .ToList();
        var architectures = models.Values.Where(m => m.ParentId is null).OrderBy(m => m.Name, StringComparer.Ordinal)
            .Select(m => new DecompositionChoice(m.Id.ToString(CultureInfo.InvariantCulture), m.Name)).ToList();
        var batchSizes = measured.Select(m => m.BatchSize).Distinct().Order().ToList();
        var scenarios = measured.Select(m => m.Scenario).Distinct().Order().ToList();

        var resolved = WithDefaults(request, measured, models);
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
            cells.Add(await MeasureAsync(db, combination, configuration, resolved, measured, models, hardware, cancellationToken));
        }

        cells = await AddHardwareReferencesAsync(db, cells, resolved, models, cancellationToken);
        var decomposition = ShapleyDecomposition.Compute(cells.Select(c => c.Cell).ToList());
        return new DecompositionReportData(resolved, cells, decomposition, hardwareChoices, architectures, batchSizes, scenarios);
    }

    private static DecompositionRequest WithDefaults(
        DecompositionRequest request, List<MeasuredConfiguration> measured, Dictionary<int, CatalogModel> models)
    {
        var candidates = measured
            .Where(m => m.Efficiency(request.Metric) is not null && ConfigurationOf(m, models) is not null)
            .Where(m => (request.BatchSize is null || m.BatchSize == request.BatchSize) && (request.Scenario is null || m.Scenario == request.Scenario))
            .ToList();
        var targetRow = request.Target is { } wanted
            ? candidates.Where(m => ConfigurationOf(m, models) == wanted).MaxBy(m => m.Runs)
            : candidates.MaxBy(m => m.Efficiency(request.Metric));
        var batch = request.BatchSize ?? targetRow?.BatchSize ?? candidates.FirstOrDefault()?.BatchSize;
        var scenario = request.Scenario ?? targetRow?.Scenario ?? candidates.FirstOrDefault()?.Scenario;
        var baselineRow = candidates
            .Where(m => m.BatchSize == batch && m.Scenario == scenario)
            .OrderBy(m => m.Efficiency(request.Metric)).ThenBy(m => m.FirstRunUtc)
            .FirstOrDefault();
        return request with
        {
            Target = request.Target ?? (targetRow is null ? null : ConfigurationOf(targetRow, models)),
            Baseline = request.Baseline ?? (baselineRow is null ? null : ConfigurationOf(baselineRow, models)),
            BatchSize = batch,
            Scenario = scenario,
        };
    }

    /// <summary>A measured model as hardware, algorithm and architecture; null for a variant of a variant.</summary>
    private static DecompositionConfiguration? ConfigurationOf(MeasuredConfiguration row, Dictionary<int, CatalogModel> models) =>
        !models.TryGetValue(row.ModelId, out var model) ? null
        : model.ParentId is not { } parent ? new(row.HardwareId, row.Provider, null, model.Id)
        : models.TryGetValue(parent, out var architecture) && architecture.ParentId is null && model.Technique is { } technique
            ? new(row.HardwareId, row.Provider, technique, parent)
            : null;

    private static async Task<DecompositionCellView> MeasureAsync(
        EfficiencyContext db, FactorCombination combination, DecompositionConfiguration configuration, DecompositionRequest request,
        List<MeasuredConfiguration> measured, Dictionary<int, CatalogModel> models, Dictionary<int, string> hardware,
        CancellationToken cancellationToken)
    {
        var code = combination.Code;
        var rows = measured.Where(m => m.HardwareId == configuration.HardwareId && m.Provider == configuration.Provider
            && m.BatchSize == request.BatchSize && m.Scenario == request.Scenario).ToList();
        var modelIds = configuration.Technique is not { } technique
            ? (models.ContainsKey(configuration.ModelId) ? [configuration.ModelId] : [])
            : models.Values.Where(m => m.ParentId == configuration.ModelId && m.Technique == technique)
                .OrderByDescending(m => rows.Where(r => r.ModelId == m.Id).Sum(r => r.Runs)).ThenByDescending(m => m.AddedAtUtc)
                .Select(m => m.Id).ToList();
        int? modelId = modelIds.Count > 0 ? modelIds[0] : null;
        var architectureName = models.TryGetValue(configuration.ModelId, out var architecture) ? architecture.Name : $"model {configuration.ModelId}";
        var hardwareName = HardwareLabel.Of(hardware, configuration.HardwareId);
        var description = $"{hardwareName}, {configuration.Provider.DisplayName()}; {configuration.TechniqueName}; {architectureName}";

        var row = rows.FirstOrDefault(r => r.ModelId == modelId);
        if (row?.Efficiency(request.Metric) is { } efficiency)
        {
            var runIds = await row.RunIdsAsync(db, RunIdsPerCell, cancellationToken);
            return new DecompositionCellView(configuration, modelId, description,
                DecompositionCell.Measured(code, efficiency, [.. runIds.Select(id => id.ToString(CultureInfo.InvariantCulture))]), row.Runs, null);
        }

        var setting = $"on {hardwareName} with provider {configuration.Provider.ApiName()}, batch {request.BatchSize}, scenario {request.Scenario?.ApiName()}";
        var how = modelId is not { } id
            ? $"No {configuration.TechniqueName} variant of {architectureName} exists: make one (Models page, or POST /api/models/{configuration.ModelId}/variants " +
              $"{{\"technique\": \"{configuration.TechniqueName}\"}}), then run it {setting}."
            : row is not null
                ? $"Runs of {models[id].Name} {setting} measured no energy; run it where energy can be measured (NVML or RAPL)."
                : $"Run {models[id].Name} (model {id}) {setting} (Runs page, or POST /api/runs).";
        return new DecompositionCellView(configuration, modelId, description, DecompositionCell.Missing(code), 0, how);
    }

    /// <summary>
    /// A missing cell whose twin on the other machine was measured becomes a reference cell: the twin times the MLPerf
    /// per-accelerator ratio of the two machines. Throughput on GPU providers only: that is all MLPerf measures per accelerator.
    /// </summary>
    private static async Task<List<DecompositionCellView>> AddHardwareReferencesAsync(
        EfficiencyContext db, List<DecompositionCellView> cells, DecompositionRequest request, Dictionary<int, CatalogModel> models,
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

    private sealed record CatalogModel(int Id, string Name, string Task, int? ParentId, Technique? Technique, DateTime AddedAtUtc);
}
