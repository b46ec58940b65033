using EfficiencyDashboard.Core.Runs;

namespace EfficiencyDashboard.Core.Suites;

/// <summary>One start of a configured suite: its variants are made, then its runs queued; progress counts those runs.</summary>
public sealed class SuiteRun
{
    public long Id { get; set; }

    /// <summary>The suite's name in configuration, for example <c>two-year-study</c>.</summary>
    public required string Name { get; set; }

    /// <summary>Queued while planning, running while its runs execute, then succeeded (every run ended) or failed.</summary>
    public RunStatus Status { get; set; }

    /// <summary>What the suite is doing now: making variants, queueing runs, measuring.</summary>
    public string? Phase { get; set; }

    /// <summary>Runs the suite queued.</summary>
    public int PlannedRuns { get; set; }

    /// <summary>Combinations left out, with the reason (a fixed batch, a technique that does not apply).</summary>
    public List<string> Skipped { get; set; } = [];

    public string? Error { get; set; }

    public string? JobId { get; set; }

    /// <summary>The worker instance planning the suite; null once planning is done.</summary>
    public string? LeaseOwner { get; set; }

    /// <summary>When the planning lease lapses unless its holder renews it.</summary>
    public DateTime? LeaseExpiresAtUtc { get; set; }

    /// <summary>How many times planning started; planning that died twice fails instead of starting again.</summary>
    public int PlanningAttempts { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>The user who started the suite.</summary>
    public string? CreatedBy { get; set; }

    public DateTime? FinishedAtUtc { get; set; }
}
