using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EfficiencyDashboard.Web.Reports.Claims;

public static class ClaimsApi
{
    // Enums as the product writes them: "not-enough-evidence", "measured", "algorithm".
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    public static IEndpointRouteBuilder MapClaimsApi(this IEndpointRouteBuilder app)
    {
        var claims = app.MapGroup("/api/claims").WithTags("Claims").RequireAuthorization(Users.Policies.Read);
        claims.MapGet("/", GetAsync)
            .WithSummary("The article's claims: each with its central estimate, per-group estimates, CPU and GPU apart, evidence and verdict; the GPU table check; the two-year headlines. ?invalid=include counts INVALID runs too.");
        claims.MapPost("/{id}/settling-runs", StartSettlingRunsAsync)
            .WithSummary("Queue the runs that would settle a claim with not enough evidence (engineers); returns 202 with their ids.");
        return app;
    }

    private static async Task<JsonHttpResult<ClaimsOverview>> GetAsync(ClaimsReport report, CancellationToken cancellationToken, string? invalid = null) =>
        TypedResults.Json(await report.BuildAsync(RunSelections.Parse(invalid), cancellationToken), Json);

    private static async Task<Results<Accepted<SettlingRunsStarted>, ProblemHttpResult>> StartSettlingRunsAsync(
        string id, ClaimsPrincipal user, SettlingRunStarter starter, CancellationToken cancellationToken, string? invalid = null)
    {
        var (runIds, problem) = await starter.StartAsync(id, RunSelections.Parse(invalid), Users.Actor.From(user), cancellationToken);
        if (runIds.Count > 0)
        {
            return TypedResults.Accepted("/api/runs", new SettlingRunsStarted(id, runIds, problem));
        }

        return TypedResults.Problem(problem, statusCode: problem?.StartsWith("There is no claim", StringComparison.Ordinal) == true
            ? StatusCodes.Status404NotFound
            : StatusCodes.Status409Conflict);
    }
}
