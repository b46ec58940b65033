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
        app.MapGet("/api/claims", GetAsync).WithTags("Claims")
            .RequireAuthorization(Users.Policies.Read)
            .WithSummary("The article's claims, each with its measured and reference evidence and its verdict; the GPU table check; the two-year headlines.");
        return app;
    }

    private static async Task<JsonHttpResult<ClaimsOverview>> GetAsync(ClaimsReport report, CancellationToken cancellationToken) =>
        TypedResults.Json(await report.BuildAsync(cancellationToken), Json);
}
