using EfficiencyDashboard.Core.Data;
using EfficiencyDashboard.Core.Reports.Aggregates;
using EfficiencyDashboard.Core.Runs;
using Microsoft.EntityFrameworkCore;

namespace EfficiencyDashboard.Web.Reports.Measured;

/// <summary>
/// What every report reads of this install's measurements: the per-setting aggregates (as many rows as settings, however
/// long the history), the catalog with the published facts of each architecture, and the machines. Small tables only.
/// </summary>
public sealed class MeasuredSettings
{
    private readonly Dictionary<SettingKey, SettingFigures> _byKey;

    private MeasuredSettings(
        RunSelection selection, List<SettingFigures> settings, Dictionary<int, CatalogModel> models, Dictionary<int, Machine> machines)
    {
        Selection = selection;
        Settings = settings;
        Models = models;
        Machines = machines;
        _byKey = settings.ToDictionary(s => s.Key);
    }

    public RunSelection Selection { get; }

    /// <summary>Every model and setting with at least one counted result under <see cref="Selection"/>.</summary>
    public IReadOnlyList<SettingFigures> Settings { get; }

    public IReadOnlyDictionary<int, CatalogModel> Models { get; }

    public IReadOnlyDictionary<int, Machine> Machines { get; }

    public static async Task<MeasuredSettings> LoadAsync(EfficiencyContext db, RunSelection selection, CancellationToken cancellationToken = default)
    {
        var rows = await db.SettingAggregates.AsNoTracking()
            .Where(a => a.IsValid || selection == RunSelection.IncludeInvalid)
            .ToListAsync(cancellationToken);
        var settings = rows.GroupBy(r => r.Key)
            .Select(g => SettingFigures.Combine(g.FirstOrDefault(r => r.IsValid), g.FirstOrDefault(r => !r.IsValid))!)
            .OrderBy(s => s.Key.ModelId).ThenBy(s => s.Key.HardwareId).ThenBy(s => s.Key.Provider).ThenBy(s => s.Key.BatchSize)
            .ThenBy(s => s.Key.Scenario).ThenBy(s => s.Key.InputShapes, StringComparer.Ordinal)
            .ToList();
        return new MeasuredSettings(selection, settings, await LoadModelsAsync(db, cancellationToken), await LoadMachinesAsync(db, cancellationToken));
    }

    /// <summary>The figures of one model in one setting; null when it was not measured there.</summary>
    public SettingFigures? Find(SettingKey key) => _byKey.GetValueOrDefault(key);

    /// <summary>The machine's label, or "unknown machine".</summary>
    public string MachineName(int hardwareId) => Machines.TryGetValue(hardwareId, out var machine) ? machine.Name : Machine.Unknown;

    /// <summary>The model's name, or "model {id}" for one no longer in the catalog.</summary>
    public string ModelName(int modelId) => Models.TryGetValue(modelId, out var model) ? model.Name : $"model {modelId}";

    private static async Task<Dictionary<int, CatalogModel>> LoadModelsAsync(EfficiencyContext db, CancellationToken cancellationToken)
    {
        var published = (await db.ReferenceArchitectures.AsNoTracking().ToListAsync(cancellationToken))
            .GroupBy(p => p.ModelKey).ToDictionary(g => g.Key, g => g.First());
        var models = await db.Models.AsNoTracking()
            .Select(m => new
            {
                m.Id, m.Key, m.Name, m.Family, m.Task, m.ParentId, m.TeacherId, m.Technique, m.TechniqueParameters, m.ParameterCount,
                m.MacsPerSample, m.FlopsPerSample, m.OperatorMacs, m.Fidelity, m.ReferenceQuality, m.AddedAtUtc,
            })
            .ToListAsync(cancellationToken);
        var keys = models.ToDictionary(m => m.Id, m => m.Key);
        // A variant is its parent's architecture: it has the parent's published facts.
        string? ArchitectureKey(int? parentId, string? key) => parentId is { } parent ? keys.GetValueOrDefault(parent) : key;
        return models.ToDictionary(m => m.Id, m => new CatalogModel(
            m.Id, m.Key, m.Name, m.Family, m.Task, m.ParentId, m.TeacherId, m.Technique, m.TechniqueParameters, m.ParameterCount,
            m.MacsPerSample, m.FlopsPerSample, m.OperatorMacs, m.Fidelity, m.ReferenceQuality, m.AddedAtUtc,
            ArchitectureKey(m.ParentId, m.Key) is { } key ? published.GetValueOrDefault(key) : null));
    }

    private static async Task<Dictionary<int, Machine>> LoadMachinesAsync(EfficiencyContext db, CancellationToken cancellationToken)
    {
        var announced = await db.ReferenceAccelerators.AsNoTracking()
            .Select(a => new { a.Accelerator, a.AnnouncedMonth }).ToListAsync(cancellationToken);
        var months = announced.GroupBy(a => a.Accelerator).ToDictionary(g => g.Key, g => g.Min(a => a.AnnouncedMonth));
        return await db.Hardware.AsNoTracking()
            .Select(h => new { h.Id, h.MachineName, h.AcceleratorName, h.GpuName, h.CpuModel, h.FirstSeenAtUtc })
            .ToDictionaryAsync(
                h => h.Id,
                h => new Machine(h.Id, $"{h.AcceleratorName ?? h.GpuName ?? h.CpuModel} ({h.MachineName})", h.MachineName, h.AcceleratorName,
                    h.AcceleratorName is { } name && months.TryGetValue(name, out var month) ? month : null, h.FirstSeenAtUtc),
                cancellationToken);
    }
}
