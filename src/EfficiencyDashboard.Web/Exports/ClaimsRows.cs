using System.Data;
using System.Data.Common;
using EfficiencyDashboard.Core.Exports;
using EfficiencyDashboard.Core.Exports.Datasets;
using EfficiencyDashboard.Core.Reports.Claims;
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
            void Row(string kind, Row row) => table.Rows.Add(
                claim.Id, claim.Text, claim.Topic.ToString(), claim.ClaimedLow, claim.ClaimedHigh, claim.Verdict.ApiName(), claim.Reason,
                Db(claim.Estimate?.Factor), Db(claim.Estimate?.CiLow95), Db(claim.Estimate?.CiHigh95),
                claim.EstimateFrom.ToString().ToLowerInvariant(), claim.MeasuredRule, kind,
                Db(row.Group), Db(row.Hardware), Db(row.Provider), Db(row.Precision), Db(row.Family), Db(row.BatchSize),
                Db(row.Factor), Db(row.CiLow), Db(row.CiHigh), Db(row.Verdict), Db(row.Comparisons), Db(row.Provenance), Db(row.Counted),
                Db(row.Description), Db(row.Sources), Db(row.RunIds), asOf, overview.ReferenceDataVersion);

            Row("claim", new Row { Factor = claim.Estimate?.Factor, CiLow = claim.Estimate?.CiLow95, CiHigh = claim.Estimate?.CiHigh95, Description = claim.Estimate?.Method });
            foreach (var g in claim.Groups)
            {
                Row("group", new Row
                {
                    Group = g.Label, Hardware = g.Hardware, Provider = g.Provider.ToString(), Precision = g.Precision, Family = g.Family.ToString(),
                    BatchSize = g.BatchSize, Factor = g.Estimate.Factor, CiLow = g.Estimate.CiLow95, CiHigh = g.Estimate.CiHigh95,
                    Verdict = g.Verdict.ApiName(), Comparisons = g.Comparisons, Description = g.Estimate.Method,
                });
            }

            foreach (var h in claim.Hardware)
            {
                Row("hardware", new Row
                {
                    Hardware = h.Kind, Factor = h.Estimate?.Factor, CiLow = h.Estimate?.CiLow95, CiHigh = h.Estimate?.CiHigh95, Verdict = h.Verdict.ApiName(),
                    Comparisons = h.Estimate?.Units ?? 0, Description = h.Estimate?.Method ?? $"No {h.Kind} run bears on the claim.",
                });
            }

            foreach (var e in claim.Evidence)
            {
                Row("evidence", new Row
                {
                    Group = e.Group, Factor = e.Factor, CiLow = e.CiLow, CiHigh = e.CiHigh, Provenance = e.Provenance.ToString().ToLowerInvariant(),
                    Counted = e.Counted, Description = e.Note is null ? e.Description : $"{e.Description} {e.Note}",
                    Sources = e.Sources.Count == 0 ? null : string.Join("; ", e.Sources),
                    RunIds = e.Runs.Count == 0 ? null : string.Join(' ', e.Runs.Select(r => r.Id)),
                });
            }
        }

        return table.CreateDataReader();
    }

    private static object Db<T>(T? value) => value is null ? DBNull.Value : value;

    private static object Db(double? value) => value is { } v ? v : DBNull.Value;

    private static object Db(int? value) => value is { } v ? (long)v : DBNull.Value;

    private static object Db(bool? value) => value is { } v ? v : DBNull.Value;

    /// <summary>The columns that vary from row to row of one claim.</summary>
    private sealed record Row
    {
        public string? Group { get; init; }

        public string? Hardware { get; init; }

        public string? Provider { get; init; }

        public string? Precision { get; init; }

        public string? Family { get; init; }

        public int? BatchSize { get; init; }

        public double? Factor { get; init; }

        public double? CiLow { get; init; }

        public double? CiHigh { get; init; }

        public string? Verdict { get; init; }

        public int? Comparisons { get; init; }

        public string? Provenance { get; init; }

        public bool? Counted { get; init; }

        public string? Description { get; init; }

        public string? Sources { get; init; }

        public string? RunIds { get; init; }
    }
}
