using EfficiencyDashboard.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace EfficiencyDashboard.Core.ReferenceData;

/// <summary>Loads the shipped reference files into the database: once per content version, replacing the previous rows.</summary>
public static class ReferenceDataImport
{
    /// <summary>Returns the version now in the database and whether this call loaded it.</summary>
    public static async Task<(ReferenceDataVersion Version, bool Loaded)> EnsureAsync(
        EfficiencyContext db, string directory, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var data = ReferenceDataSet.Load(directory);
        var current = await db.ReferenceDataVersions.OrderByDescending(v => v.Id).FirstOrDefaultAsync(cancellationToken);
        if (current?.ContentVersion == data.ContentVersion)
        {
            return (current, false);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Set<AcceleratorSpec>().ExecuteDeleteAsync(cancellationToken);
        await db.Set<MlperfResult>().ExecuteDeleteAsync(cancellationToken);
        await db.Set<MlperfPowerResult>().ExecuteDeleteAsync(cancellationToken);
        await db.Set<PublishedArchitecture>().ExecuteDeleteAsync(cancellationToken);
        db.AddRange(data.Accelerators.Accelerators);
        db.AddRange(data.MlperfResults);
        db.AddRange(data.MlperfPowerResults);
        db.AddRange(data.Architectures);
        var version = new ReferenceDataVersion
        {
            ContentVersion = data.ContentVersion,
            LoadedAtUtc = nowUtc,
            Accelerators = data.Accelerators.Accelerators.Count,
            MlperfResults = data.MlperfResults.Count,
            MlperfPowerResults = data.MlperfPowerResults.Count,
            Architectures = data.Architectures.Count,
        };
        db.ReferenceDataVersions.Add(version);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return (version, true);
    }
}
