using System.Security.Cryptography;
using System.Text;
using EfficiencyDashboard.Core.Data;
using EfficiencyDashboard.Core.Hardware;
using EfficiencyDashboard.Core.ReferenceData;
using EfficiencyDashboard.Core.Runs;
using EfficiencyDashboard.Runner.Execution;
using EfficiencyDashboard.Runner.Telemetry;
using Microsoft.EntityFrameworkCore;

namespace EfficiencyDashboard.Web.Hardware;

/// <summary>
/// Detects this host once (CPU, memory, GPUs, which execution providers load), keeps its hardware record current in the
/// database, and links it to the accelerator catalog where the GPU's name matches a datasheet.
/// </summary>
public sealed class HardwareRegistry(IDbContextFactory<EfficiencyContext> dbFactory, IExecutionProviderLoader loader, INvml nvml, TimeProvider clock)
{
    private readonly Lazy<HardwareDescription> _description = new(() => HardwareDetector.Detect(loader, nvml));

    public HardwareDescription Description => _description.Value;

    /// <summary>This host's hardware record, once registered.</summary>
    public int? CurrentId { get; private set; }

    public async Task<HardwareRecord> RegisterAsync(CancellationToken cancellationToken)
    {
        var d = Description;
        var gpu = d.Gpus.FirstOrDefault();
        var fingerprint = Fingerprint(d);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var record = await db.Hardware.FirstOrDefaultAsync(h => h.Fingerprint == fingerprint, cancellationToken)
            ?? db.Hardware.Add(new HardwareRecord
            {
                Fingerprint = fingerprint,
                MachineName = Environment.MachineName,
                CpuModel = d.CpuModel,
                FirstSeenAtUtc = now,
            }).Entity;
        record.LogicalCores = d.LogicalCores;
        record.MemoryBytes = d.MemoryBytes;
        record.GpuCount = d.Gpus.Count;
        record.GpuName = gpu?.Name;
        record.GpuUuid = gpu?.Uuid;
        record.GpuMemoryBytes = gpu?.MemoryTotalBytes;
        record.GpuDriverVersion = d.GpuDriverVersion;
        record.GpuUnavailableReason = d.GpuUnavailableReason;
        record.ExecutionProviders = [.. d.ExecutionProviders.Select(p => new ProviderLoad(p.Provider.ApiName(), p.Loads, p.Detail))];
        record.LastSeenAtUtc = now;
        if (gpu is not null)
        {
            var catalog = new AcceleratorCatalog(await db.ReferenceAccelerators.AsNoTracking().ToListAsync(cancellationToken));
            record.AcceleratorName = catalog.Find(gpu.Name)?.Accelerator;
        }

        await db.SaveChangesAsync(cancellationToken);
        CurrentId = record.Id;
        return record;
    }

    /// <summary>The same machine gives the same fingerprint across starts; a new GPU or host gives a new record.</summary>
    private static string Fingerprint(HardwareDescription d)
    {
        var text = string.Join('|', Environment.MachineName, d.CpuModel, d.LogicalCores, d.MemoryBytes,
            string.Join(',', d.Gpus.Select(g => g.Uuid.Length > 0 ? g.Uuid : g.Name)));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
    }
}
