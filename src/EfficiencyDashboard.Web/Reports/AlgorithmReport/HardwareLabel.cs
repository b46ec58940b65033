using EfficiencyDashboard.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace EfficiencyDashboard.Web.Reports.AlgorithmReport;

/// <summary>Names of the machines runs executed on, as the reports show them.</summary>
public static class HardwareLabel
{
    /// <summary>Hardware id to "accelerator or CPU (machine)"; a run without hardware record reads "unknown machine".</summary>
    public static async Task<Dictionary<int, string>> LoadAsync(EfficiencyContext db, CancellationToken cancellationToken = default) =>
        await db.Hardware.AsNoTracking()
            .Select(h => new { h.Id, Name = (h.AcceleratorName ?? h.GpuName ?? h.CpuModel) + " (" + h.MachineName + ")" })
            .ToDictionaryAsync(h => h.Id, h => h.Name, cancellationToken);

    public static string Of(IReadOnlyDictionary<int, string> names, int? hardwareId) =>
        hardwareId is { } id && names.TryGetValue(id, out var name) ? name : "unknown machine";
}
