namespace EfficiencyDashboard.Web.Placement;

/// <summary>
/// Which cores the runner worker measures on and which the web host serves from. With <c>Runner:CpuSet</c> the runner
/// gets those cores and the web the others; without it, on 4 or more cores one core in four (at least one) is left to
/// the web and the rest go to the runner, and on fewer nothing is pinned.
/// </summary>
/// <param name="RunnerCores">The runner's cores; null when nothing is pinned.</param>
/// <param name="WebCores">The web host's cores; null when the web is not pinned.</param>
/// <param name="Description">The placement in words, for the logs and the readiness check.</param>
public sealed record CpuPlacement(CpuSet? RunnerCores, CpuSet? WebCores, string Description)
{
    /// <summary>Below this many cores nothing is pinned by default: one core for the web would leave too few to measure on.</summary>
    public const int MinimumCoresToSplit = 4;

    public bool IsPinned => RunnerCores is not null;

    /// <param name="configured">The <c>Runner:CpuSet</c> setting, if any.</param>
    /// <param name="available">The cores this process may run on.</param>
    public static (CpuPlacement Placement, string? Error) Decide(string? configured, CpuSet available)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var (runner, error) = CpuSet.Parse(configured);
            if (runner is null)
            {
                return (Unpinned($"Runner:CpuSet '{configured}' is invalid ({error}); nothing is pinned."), $"Runner:CpuSet '{configured}' is invalid: {error}");
            }

            if (!runner.IsSubsetOf(available))
            {
                var missing = runner.Except(available);
                return (Unpinned($"Runner:CpuSet '{configured}' names cores this machine does not offer ({missing}); nothing is pinned."),
                    $"Runner:CpuSet '{configured}' names cores {missing}, which this process may not use (it may use {available}).");
            }

            var web = available.Except(runner);
            return web.Count == 0
                ? (new CpuPlacement(runner, null, $"The runner uses cores {runner} (Runner:CpuSet); no core is left for the web host, which is not pinned."), null)
                : (new CpuPlacement(runner, web, $"The runner uses cores {runner} (Runner:CpuSet); the web host uses {web}."), null);
        }

        if (available.Count < MinimumCoresToSplit)
        {
            return (Unpinned($"{available.Count} cores: too few to set some aside for the web host, so nothing is pinned."), null);
        }

        var webCount = Math.Max(1, available.Count / 4);
        var webCores = CpuSet.Of(available.Cores.Take(webCount));
        var runnerCores = available.Except(webCores);
        return (new CpuPlacement(runnerCores, webCores, $"The runner uses cores {runnerCores}; the web host uses {webCores} (one core in four)."), null);
    }

    private static CpuPlacement Unpinned(string description) => new(null, null, description);
}
