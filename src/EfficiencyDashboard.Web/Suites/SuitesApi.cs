using System.Security.Claims;
using EfficiencyDashboard.Core.Data;
using EfficiencyDashboard.Web.Users;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EfficiencyDashboard.Web.Suites;

public static class SuitesApi
{
    public static IEndpointRouteBuilder MapSuitesApi(this IEndpointRouteBuilder app)
    {
        var suites = app.MapGroup("/api/suites").WithTags("Suites").RequireAuthorization(Policies.Read);
        suites.MapGet("/", ListAsync).WithSummary("The configured suites (appsettings.json, Suites section) with their latest start.");
        suites.MapPost("/{name}/start", StartAsync).WithSummary("Start a suite: make its missing variants, then queue its runs; 202 with the start, 409 while it still runs.");
        suites.MapGet("/runs/{id:long}", GetAsync).WithSummary("A suite start and the progress of its runs.");
        return app;
    }

    public static async Task<List<SuiteView>> ListAsync(SuiteQueue queue, IDbContextFactory<EfficiencyContext> dbFactory, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var views = new List<SuiteView>();
        foreach (var (name, suite) in queue.Configured.OrderBy(s => s.Key))
        {
            var latest = await db.SuiteRuns.AsNoTracking().Where(s => s.Name == name).OrderByDescending(s => s.Id).FirstOrDefaultAsync(cancellationToken);
            views.Add(new SuiteView(name, suite.Description, suite.Models, suite.Techniques, suite.BatchSizes, suite.Providers, suite.Scenario,
                latest is null ? null : await SuiteRunView.LoadAsync(db, latest, cancellationToken)));
        }

        return views;
    }

    private static async Task<Results<Accepted<SuiteRunView>, ProblemHttpResult>> StartAsync(
        string name, ClaimsPrincipal user, SuiteQueue queue, IDbContextFactory<EfficiencyContext> dbFactory, CancellationToken cancellationToken)
    {
        var start = await queue.StartAsync(name, Actor.From(user), cancellationToken);
        if (start is null)
        {
            return TypedResults.Problem($"There is no suite named '{name}': configured suites are {string.Join(", ", queue.Configured.Keys)}.", statusCode: 404);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return TypedResults.Accepted($"/api/suites/runs/{start.Id}", await SuiteRunView.LoadAsync(db, start, cancellationToken));
    }

    private static async Task<Results<Ok<SuiteRunView>, ProblemHttpResult>> GetAsync(long id, IDbContextFactory<EfficiencyContext> dbFactory, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var start = await db.SuiteRuns.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        return start is null
            ? TypedResults.Problem($"There is no suite start with id {id}.", statusCode: 404)
            : TypedResults.Ok(await SuiteRunView.LoadAsync(db, start, cancellationToken));
    }
}
