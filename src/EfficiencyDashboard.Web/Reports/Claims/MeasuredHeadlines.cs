using System.Globalization;
using EfficiencyDashboard.Core.Data;
using EfficiencyDashboard.Core.Reports;
using EfficiencyDashboard.Web.Reports.Measured;
using Microsoft.EntityFrameworkCore;

namespace EfficiencyDashboard.Web.Reports.Claims;

/// <summary>
/// The measured two-year gain of each task and energy scope, from the daily best samples per joule kept as results land:
/// the best on or before today against the best on or before two years earlier. VALID results only unless included.
/// </summary>
public static class MeasuredHeadlines
{
    public static async Task<List<MeasuredHeadline>> LoadAsync(EfficiencyContext db, MeasuredSettings measured, DateOnly asOf, CancellationToken cancellationToken)
    {
        var includeInvalid = measured.Selection == RunSelection.IncludeInvalid;
        var days = await db.DailyBests.AsNoTracking()
            .Where(d => d.IsValid || includeInvalid)
            .Select(d => new { d.ModelId, d.Day, d.EnergySource, d.SamplesPerJoule, d.RunId })
            .ToListAsync(cancellationToken);
        return days
            .Where(d => measured.Models.ContainsKey(d.ModelId))
            .GroupBy(d => (measured.Models[d.ModelId].Task, Scope: EnergyScopes.Of(d.EnergySource)))
            .OrderBy(g => g.Key.Task, StringComparer.Ordinal).ThenBy(g => g.Key.Scope, StringComparer.Ordinal)
            .Select(group =>
            {
                var frontier = new EfficiencyFrontier(group
                    .OrderBy(d => d.RunId)
                    .Select(d => new DatedValue(d.Day, d.SamplesPerJoule, d.RunId.ToString(CultureInfo.InvariantCulture))));
                var gain = frontier.TwoYearGain(asOf);
                return new MeasuredHeadline(group.Key.Task, group.Key.Scope, gain.Factor,
                    gain.Current is { } c ? long.Parse(c.ProvenanceId, CultureInfo.InvariantCulture) : null,
                    gain.Earlier is { } e ? long.Parse(e.ProvenanceId, CultureInfo.InvariantCulture) : null,
                    gain.Current?.BestValue, gain.Earlier?.BestValue, gain.Reason);
            })
            .ToList();
    }
}
