using System.Data;
using System.Data.Common;
using EfficiencyDashboard.Core.Exports;
using EfficiencyDashboard.Core.Exports.Datasets;
using EfficiencyDashboard.Web.Reports.Claims;

namespace EfficiencyDashboard.Web.Exports;

/// <summary>The claims dataset's rows, computed by the claims report and read through the same writers as stored data.</summary>
public static class ClaimsRows
{
    public static async Task<DbDataReader> ReadAsync(ClaimsReport report, CancellationToken cancellationToken)
    {
        var overview = await report.BuildAsync(cancellationToken);
        var table = new DataTable();
        foreach (var column in ClaimsDataset.Definition.Columns)
        {
            table.Columns.Add(column.Name, column.Type switch
            {
                ColumnType.Real => typeof(double),
                ColumnType.Integer => typeof(long),
                ColumnType.Boolean => typeof(bool),
                ColumnType.Timestamp => typeof(DateTime),
                _ => typeof(string),
            });
        }

        var asOf = overview.AsOf.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        foreach (var claim in overview.Claims)
        {
            var evidence = claim.Evidence.Count > 0 ? claim.Evidence.Cast<ClaimEvidence?>() : [null];
            foreach (var e in evidence)
            {
                table.Rows.Add(
                    claim.Id, claim.Text, claim.Topic.ToString(), claim.ClaimedLow, claim.ClaimedHigh, VerdictName(claim),
                    claim.Reason, Db(claim.EvidenceLow), Db(claim.EvidenceHigh), Db(claim.MeasuredFactor), claim.MeasuredRule,
                    e is null ? DBNull.Value : e.Provenance.ToString().ToLowerInvariant(), Db(e?.Factor), Db(e?.CiLow), Db(e?.CiHigh),
                    (object?)e?.Description ?? DBNull.Value,
                    e is null || e.Sources.Count == 0 ? DBNull.Value : string.Join("; ", e.Sources),
                    e is null || e.Runs.Count == 0 ? DBNull.Value : string.Join(' ', e.Runs.Select(r => r.Id)),
                    asOf, overview.ReferenceDataVersion);
            }
        }

        return table.CreateDataReader();
    }

    private static object Db(double? value) => value is { } v ? v : DBNull.Value;

    private static string VerdictName(ClaimReport claim) => claim.Verdict switch
    {
        Core.Reports.Claims.ClaimVerdict.Supported => "supported",
        Core.Reports.Claims.ClaimVerdict.Contradicted => "contradicted",
        _ => "not-enough-evidence",
    };
}
