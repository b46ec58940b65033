using EfficiencyDashboard.Web.Users;
using EfficiencyDashboard.Core.Runs;
using EfficiencyDashboard.Web.Runs;

namespace EfficiencyDashboard.Web.Reports.Claims;

/// <summary>Queues the runs that would settle a claim (<see cref="ClaimReport.SettlingRuns"/>), with the default measurement settings.</summary>
public sealed class SettlingRunStarter(ClaimsReport report, RunQueue queue)
{
    /// <summary>The ids of the queued runs, or why none was queued.</summary>
    public async Task<(IReadOnlyList<long> RunIds, string? Problem)> StartAsync(string claimId, RunSelection runs, Actor actor, CancellationToken cancellationToken)
    {
        var overview = await report.BuildAsync(runs, cancellationToken);
        if (overview.Claims.FirstOrDefault(c => c.Id == claimId) is not { } claim)
        {
            return ([], $"There is no claim '{claimId}'.");
        }

        if (claim.SettlingRuns.Count == 0)
        {
            return ([], claim.SettleNote ?? $"The claim is {claim.Verdict.ToString()} already: no run is proposed.");
        }

        var ids = new List<long>();
        var problems = new List<string>();
        foreach (var settling in claim.SettlingRuns)
        {
            for (var i = 0; i < settling.Count; i++)
            {
                var (run, errors) = await queue.EnqueueAsync(
                    new RunRequest(settling.ModelId, settling.Provider, settling.BatchSize, settling.Scenario), actor, cancellationToken);
                if (run is null)
                {
                    problems.Add($"{settling.Model}: {string.Join(" ", errors.Values.SelectMany(e => e))}");
                    break;
                }

                ids.Add(run.Id);
            }
        }

        return (ids, problems.Count == 0 ? null : string.Join(" ", problems));
    }
}
