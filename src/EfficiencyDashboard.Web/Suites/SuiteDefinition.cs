namespace EfficiencyDashboard.Web.Suites;

/// <summary>A configured matrix of runs (configuration section <c>Suites:{name}</c>), started as one.</summary>
public sealed class SuiteDefinition
{
    public string Description { get; set; } = "";

    /// <summary>Keys of catalog models to measure; empty means every built-in model that is not a variant.</summary>
    public string[] Models { get; set; } = [];

    /// <summary>"none" (the model itself) and techniques whose variants are made first if missing.</summary>
    public string[] Techniques { get; set; } = [];

    public int[] BatchSizes { get; set; } = [];

    /// <summary>Execution providers; empty means every provider that loads on this server.</summary>
    public string[] Providers { get; set; } = [];

    public string Scenario { get; set; } = "single-stream";

    public double? DurationSeconds { get; set; }

    public int? MinQueries { get; set; }

    public int? WarmupQueries { get; set; }
}
