using System.Data.Common;
using EfficiencyDashboard.Core.Data;
using EfficiencyDashboard.Core.Exports;
using EfficiencyDashboard.Web.Reports.Claims;
using EfficiencyDashboard.Web.Users;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EfficiencyDashboard.Web.Exports;

public static class ExportsApi
{
    public const string SchemaVersionHeader = "X-Schema-Version";

    public static IEndpointRouteBuilder MapExportsApi(this IEndpointRouteBuilder app)
    {
        var exports = app.MapGroup("/api").WithTags("Exports").RequireAuthorization(Policies.Read);
        exports.MapGet("/exports", ListDatasets).WithSummary("The downloadable datasets and formats.");
        exports.MapGet("/exports/{file}", Download)
            .WithSummary("Download a dataset as CSV, JSON lines or Parquet, e.g. /api/exports/results.parquet?from=2026-01-01&provider=cuda.")
            .WithDescription(ExportsDescription());
        exports.MapGet("/data-dictionary", () => TypedResults.Ok(DataDictionaryView.Current))
            .WithSummary("Every column of every dataset: name, type, unit, meaning and origin.");
        exports.MapGet("/data-dictionary.csv", DataDictionaryCsv).WithSummary("The data dictionary as a CSV file.");
        return app;
    }

    private static Ok<DataDictionaryView> ListDatasets() => TypedResults.Ok(DataDictionaryView.Current);

    private static Results<PushStreamHttpResult, ProblemHttpResult, ValidationProblem> Download(
        string file, HttpContext context, IDbContextFactory<EfficiencyContext> dbFactory, ClaimsReport claims)
    {
        // Downloads are the analysts' (and admins'); the pages link here, so this is the one check for both.
        Actor.From(context.User).Require(Permission.Export, "Downloading datasets");
        var dot = file.LastIndexOf('.');
        var dataset = dot > 0 ? DataDictionary.Find(file[..dot]) : null;
        var format = dot > 0 ? ExportFormat.FromExtension(file[(dot + 1)..]) : null;
        if (dataset is null || format is null)
        {
            return TypedResults.Problem(
                $"Unknown download '{file}': use {{dataset}}.{{csv|jsonl|parquet}} with a dataset among {string.Join(", ", DataDictionary.Datasets.Select(d => d.Name))}.",
                statusCode: StatusCodes.Status404NotFound);
        }

        var (filter, errors) = ExportFilterBinding.Parse(context.Request.Query);
        foreach (var problem in ExportQuery.Problems(dataset, filter))
        {
            errors["filter"] = [.. errors.GetValueOrDefault("filter", []), problem];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The download's filters are invalid.");
        }

        context.Response.Headers[SchemaVersionHeader] = DataDictionary.SchemaVersion;
        var fileName = $"{dataset.Name}-{DateTime.UtcNow:yyyyMMdd-HHmmss}.{format.Extension}";
        return TypedResults.Stream(async body =>
        {
            if (dataset.Computed)
            {
                await using var rows = await ClaimsRows.ReadAsync(claims, context.RequestAborted);
                await DatasetExporter.WriteAsync(rows, dataset, format, body, context.RequestAborted);
                return;
            }

            await using var db = await dbFactory.CreateDbContextAsync(context.RequestAborted);
            DbConnection connection = db.Database.GetDbConnection();
            await connection.OpenAsync(context.RequestAborted);
            await DatasetExporter.ExportAsync(connection, dataset, filter, format, body, context.RequestAborted);
        }, format.MediaType, fileName);
    }

    private static PushStreamHttpResult DataDictionaryCsv(HttpContext context)
    {
        context.Response.Headers[SchemaVersionHeader] = DataDictionary.SchemaVersion;
        return TypedResults.Stream(body => DataDictionaryView.WriteCsvAsync(body, context.RequestAborted), ExportFormat.Csv.MediaType, "data-dictionary.csv");
    }

    private static string ExportsDescription() =>
        "Streams the dataset from the database. Filters (query string): from, to (ISO 8601, UTC), hardware (machine name), " +
        "modelId, family, provider (requested: cpu|cuda|tensorrt), status. Every file carries schema version " +
        $"{DataDictionary.SchemaVersion} (Parquet key-value metadata; the {SchemaVersionHeader} header for CSV and JSON lines).\n\n" +
        string.Join("\n\n", DataDictionary.Datasets.Select(d =>
            $"**{d.Name}**: {d.Description}\n" + string.Join("\n", d.Columns.Select(c =>
                $"- `{c.Name}` ({c.Type.ToString().ToLowerInvariant()}{(c.Unit is null ? "" : ", " + c.Unit)}{(c.Nullable ? ", nullable" : "")}; {c.Origin.ToString().ToLowerInvariant()}): {c.Meaning}"))));
}
