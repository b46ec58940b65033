namespace EfficiencyDashboard.Core.Runs;

/// <summary>One measured query of a run.</summary>
public sealed class LatencySample
{
    public long RunId { get; set; }

    /// <summary>The query's position in the measured window, from 0.</summary>
    public int Sequence { get; set; }

    /// <summary>When the query started, in milliseconds after the measured window began.</summary>
    public double StartOffsetMs { get; set; }

    public double LatencyMs { get; set; }
}
