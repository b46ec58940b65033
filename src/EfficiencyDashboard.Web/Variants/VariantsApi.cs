using System.Security.Claims;
using EfficiencyDashboard.Core.Data;
using EfficiencyDashboard.Web.Users;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EfficiencyDashboard.Web.Variants;

public static class VariantsApi
{
    public static IEndpointRouteBuilder MapVariantsApi(this IEndpointRouteBuilder app)
    {
        var variants = app.MapGroup("/api/models").WithTags("Models").RequireAuthorization(Policies.Read);
        variants.MapPost("/{id:int}/variants", CreateAsync)
            .WithSummary("Derive a variant (fp16, int8-dynamic, int8-static, pruned-structured, pruned-unstructured); 202 with the job.");
        variants.MapGet("/{id:int}/variants/jobs", ListAsync).WithSummary("Variant jobs of a model, newest first.");
        variants.MapGet("/variants/jobs/{jobId:long}", GetAsync).WithSummary("A variant job: status, phase, error, the variant made.");
        return app;
    }

    private static async Task<Results<Accepted<VariantJobView>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        int id, VariantRequest request, ClaimsPrincipal user, VariantQueue queue, CancellationToken cancellationToken)
    {
        var (job, errors, parentMissing) = await queue.EnqueueAsync(id, request, Actor.From(user), cancellationToken);
        if (parentMissing)
        {
            return TypedResults.Problem($"There is no model with id {id}.", statusCode: StatusCodes.Status404NotFound);
        }

        return job is null
            ? TypedResults.ValidationProblem(errors, title: "The variant request is invalid; nothing was queued.")
            : TypedResults.Accepted($"/api/models/variants/jobs/{job.Id}", VariantJobView.From(job));
    }

    private static async Task<Ok<List<VariantJobView>>> ListAsync(int id, IDbContextFactory<EfficiencyContext> dbFactory, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var jobs = await db.VariantJobs.AsNoTracking().Where(j => j.ParentId == id).OrderByDescending(j => j.Id).ToListAsync(cancellationToken);
        return TypedResults.Ok(jobs.Select(VariantJobView.From).ToList());
    }

    private static async Task<Results<Ok<VariantJobView>, ProblemHttpResult>> GetAsync(
        long jobId, IDbContextFactory<EfficiencyContext> dbFactory, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var job = await db.VariantJobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == jobId, cancellationToken);
        return job is null
            ? TypedResults.Problem($"There is no variant job with id {jobId}.", statusCode: StatusCodes.Status404NotFound)
            : TypedResults.Ok(VariantJobView.From(job));
    }
}
