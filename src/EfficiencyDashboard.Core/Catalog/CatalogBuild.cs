namespace EfficiencyDashboard.Core.Catalog;

/// <summary>
/// How far the worker has come building the built-in catalog: one row the worker updates as each model is built, which
/// the web polls to show progress.
/// </summary>
public sealed class CatalogBuild
{
    /// <summary>The single row's id.</summary>
    public const int SingleId = 1;

    public int Id { get; set; } = SingleId;

    /// <summary>Built-in models done (built, or failed with a reason).</summary>
    public int Done { get; set; }

    /// <summary>Built-in models wanted.</summary>
    public int Total { get; set; }

    /// <summary>The model being built or analysed now, if any.</summary>
    public string? Current { get; set; }

    /// <summary>Models that could not be built, with the reason.</summary>
    public List<string> Problems { get; set; } = [];

    /// <summary>The worker instance building the catalog.</summary>
    public string? WorkerId { get; set; }

    public DateTime StartedAtUtc { get; set; }

    /// <summary>When every wanted model was in the catalog (or failed with a reason); null while building.</summary>
    public DateTime? FinishedAtUtc { get; set; }

    public DateTime UpdatedAtUtc { get; set; }
}
