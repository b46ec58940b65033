using EfficiencyDashboard.Core.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EfficiencyDashboard.Web.Models;

public static class ModelsApi
{
    public static IEndpointRouteBuilder MapModelsApi(this IEndpointRouteBuilder app)
    {
        var models = app.MapGroup("/api/models").WithTags("Models");
        models.MapGet("/", ListAsync).WithSummary("Every model in the catalog.");
        models.MapGet("/{id:int}", GetAsync).WithSummary("One catalog model with its input signature.");
        return app;
    }

    private static async Task<Ok<List<ModelView>>> ListAsync(IDbContextFactory<EfficiencyContext> dbFactory, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var models = await db.Models.AsNoTracking().OrderBy(m => m.Id).ToListAsync(cancellationToken);
        return TypedResults.Ok(models.Select(ModelView.From).ToList());
    }

    private static async Task<Results<Ok<ModelView>, ProblemHttpResult>> GetAsync(int id, IDbContextFactory<EfficiencyContext> dbFactory, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var model = await db.Models.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        return model is null
            ? TypedResults.Problem($"There is no model with id {id}.", statusCode: StatusCodes.Status404NotFound)
            : TypedResults.Ok(ModelView.From(model));
    }
}
