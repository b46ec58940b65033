using System.Security.Claims;
using EfficiencyDashboard.Core.Data;
using EfficiencyDashboard.Core.Runs;
using Microsoft.AspNetCore.Http.HttpResults;
using EfficiencyDashboard.Web.Users;
using Microsoft.EntityFrameworkCore;

namespace EfficiencyDashboard.Web.Runs;

public static class RunsApi
{
    public static IEndpointRouteBuilder MapRunsApi(this IEndpointRouteBuilder app)
    {
        var runs = app.MapGroup("/api/runs").WithTags("Runs").RequireAuthorization(Policies.Read);
        runs.MapPost("/", CreateAsync).WithSummary("Queue a run; returns 202 with its id.");
        runs.MapGet("/", ListAsync).WithSummary("Runs, newest first, filtered by status, model, provider or who requested them (createdBy), paged.");
        runs.MapGet("/{id:long}", GetAsync).WithSummary("A run's status, progress, configuration and result.");
        runs.MapPost("/{id:long}/cancel", CancelAsync).WithSummary("Cancel a queued run, or stop a running one.");
        runs.MapPost("/{id:long}/invalidate", RunInvalidation.InvalidateAsync).WithSummary("Mark a stored result INVALID, with a reason; reports leave it out by default.");
        return app;
    }

    private static async Task<Results<Accepted<RunAccepted>, ValidationProblem>> CreateAsync(
        RunRequest request, ClaimsPrincipal user, RunQueue queue, CancellationToken cancellationToken)
    {
        var (run, errors) = await queue.EnqueueAsync(request, Actor.From(user), cancellationToken);
        return run is null
            ? TypedResults.ValidationProblem(errors, title: "The run request is invalid; nothing was queued.")
            : TypedResults.Accepted($"/api/runs/{run.Id}", new RunAccepted(run.Id, run.Status));
    }

    private static async Task<Results<Ok<RunPage>, ValidationProblem>> ListAsync(
        IDbContextFactory<EfficiencyContext> dbFactory, RunNotifier notifier, CancellationToken cancellationToken,
        string? status = null, int? modelId = null, string? executionProvider = null, int page = 1, int pageSize = 50, string? createdBy = null)
    {
        var errors = new Dictionary<string, string[]>();
        RunStatus? statusFilter = null;
        if (status is not null)
        {
            if (Enum.TryParse<RunStatus>(status, ignoreCase: true, out var parsed) && !char.IsDigit(status[0]))
            {
                statusFilter = parsed;
            }
            else
            {
                errors["status"] = [$"Unknown status '{status}'."];
            }
        }

        var provider = executionProvider is null ? null : RunRequestValidator.ParseProvider(executionProvider);
        if (executionProvider is not null && provider is null)
        {
            errors["executionProvider"] = [$"Unknown execution provider '{executionProvider}'."];
        }

        if (page < 1 || pageSize is < 1 or > 500)
        {
            errors["page"] = ["page starts at 1 and pageSize is between 1 and 500."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.Runs.AsNoTracking();
        query = statusFilter is { } s ? query.Where(r => r.Status == s) : query;
        query = modelId is { } m ? query.Where(r => r.ModelId == m) : query;
        query = provider is { } p ? query.Where(r => r.ExecutionProvider == p) : query;
        query = createdBy is { Length: > 0 } who ? query.Where(r => r.CreatedBy == who) : query;
        var total = await query.CountAsync(cancellationToken);
        var items = await query.Include(r => r.Model).Include(r => r.Result)
            .OrderByDescending(r => r.Id).Skip((page - 1) * pageSize).Take(pageSize)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new RunPage([.. items.Select(r => RunView.From(r, notifier.Latest(r.Id)))], page, pageSize, total));
    }

    private static async Task<Results<Ok<RunView>, ProblemHttpResult>> GetAsync(
        long id, IDbContextFactory<EfficiencyContext> dbFactory, RunNotifier notifier, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var run = await db.Runs.AsNoTracking().Include(r => r.Model).Include(r => r.Result).FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        return run is null ? NotFound(id) : TypedResults.Ok(RunView.From(run, notifier.Latest(id)));
    }

    private static async Task<Results<Accepted<RunAccepted>, ProblemHttpResult>> CancelAsync(long id, ClaimsPrincipal user, RunQueue queue, CancellationToken cancellationToken)
    {
        var status = await queue.CancelAsync(id, Actor.From(user), cancellationToken);
        return status switch
        {
            null => NotFound(id),
            RunStatus.Queued or RunStatus.Running or RunStatus.Cancelled => TypedResults.Accepted($"/api/runs/{id}", new RunAccepted(id, status.Value)),
            _ => TypedResults.Problem($"Run {id} already finished as {status.Value.ApiName()}.", statusCode: StatusCodes.Status409Conflict),
        };
    }

    private static ProblemHttpResult NotFound(long id) =>
        TypedResults.Problem($"There is no run with id {id}.", statusCode: StatusCodes.Status404NotFound);
}
