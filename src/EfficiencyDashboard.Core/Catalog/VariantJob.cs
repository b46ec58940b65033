using EfficiencyDashboard.Core.Runs;

namespace EfficiencyDashboard.Core.Catalog;

/// <summary>A request to derive a variant from a catalog model with a technique; executed in the background on the CPU queue.</summary>
public sealed class VariantJob
{
    public long Id { get; set; }

    public int ParentId { get; set; }

    public Technique Technique { get; set; }

    /// <summary>The technique's parameters, for example ratio=0.3, calibration=percentile.</summary>
    public Dictionary<string, string> Parameters { get; set; } = [];

    /// <summary>Queued, running, succeeded, failed or interrupted.</summary>
    public RunStatus Status { get; set; }

    /// <summary>What the job is doing now: applying the technique, analysing, measuring fidelity.</summary>
    public string? Phase { get; set; }

    /// <summary>Why the technique did not apply or the variant could not be made.</summary>
    public string? Error { get; set; }

    /// <summary>The variant created, once succeeded.</summary>
    public int? VariantId { get; set; }

    public string? JobId { get; set; }

    /// <summary>The worker instance that holds the job's lease while it builds the variant.</summary>
    public string? LeaseOwner { get; set; }

    /// <summary>When the lease lapses unless its holder renews it.</summary>
    public DateTime? LeaseExpiresAtUtc { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>The user who asked for the variant (for a suite's variant, who started the suite).</summary>
    public string? CreatedBy { get; set; }

    public DateTime? FinishedAtUtc { get; set; }

    /// <summary>When any process last changed the row; the web polls rows changed since it last looked.</summary>
    public DateTime UpdatedAtUtc { get; set; }
}
