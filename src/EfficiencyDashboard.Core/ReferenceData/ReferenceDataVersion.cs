namespace EfficiencyDashboard.Core.ReferenceData;

/// <summary>One load of the shipped reference data into the database, identified by the files' content hash.</summary>
public sealed class ReferenceDataVersion
{
    public int Id { get; set; }

    /// <summary>SHA-256 over the reference files (<see cref="ReferenceDataSet.ContentVersion"/>).</summary>
    public required string ContentVersion { get; set; }

    public DateTime LoadedAtUtc { get; set; }

    public int Accelerators { get; set; }

    public int MlperfResults { get; set; }

    public int MlperfPowerResults { get; set; }

    public int Architectures { get; set; }
}
