using EfficiencyDashboard.Core.Data;
using EfficiencyDashboard.Core.Catalog;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EfficiencyDashboard.Web.Models;

public static class ModelsApi
{
    public static IEndpointRouteBuilder MapModelsApi(this IEndpointRouteBuilder app)
    {
        var models = app.MapGroup("/api/models").WithTags("Models");
        models.MapGet("/", ListAsync).WithSummary("Every model in the catalog.");
        models.MapGet("/{id:int}", GetAsync).WithSummary("One catalog model with its signature, analysis and lineage.");
        models.MapPost("/", ModelUploadEndpoint.UploadAsync)
            .WithSummary("Upload an .onnx file (multipart: file, name?, inputShapes?); it is validated and analysed before it enters the catalog.")
            .DisableAntiforgery()
            .WithMetadata(new Microsoft.AspNetCore.Mvc.DisableRequestSizeLimitAttribute());
        models.MapPatch("/{id:int}", ClassifyAsync).WithSummary("Set a model's family and task by hand.");
        return app;
    }

    private static async Task<Ok<List<ModelView>>> ListAsync(IDbContextFactory<EfficiencyContext> dbFactory, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var models = await db.Models.AsNoTracking().OrderBy(m => m.Id).ToListAsync(cancellationToken);
        return TypedResults.Ok(models.Select(ModelView.From).ToList());
    }

    private static async Task<Results<Ok<ModelView>, ProblemHttpResult, ValidationProblem>> ClassifyAsync(
        int id, ModelClassification classification, IDbContextFactory<EfficiencyContext> dbFactory, CancellationToken cancellationToken)
    {
        if (classification.Family is not null && !Enum.TryParse<ModelFamily>(classification.Family, ignoreCase: true, out _))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["family"] = [$"Unknown family '{classification.Family}': use {string.Join(", ", Enum.GetNames<ModelFamily>())}."],
            });
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var model = await db.Models.FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (model is null)
        {
            return TypedResults.Problem($"There is no model with id {id}.", statusCode: StatusCodes.Status404NotFound);
        }

        model.Family = classification.Family is null ? model.Family : Enum.Parse<ModelFamily>(classification.Family, ignoreCase: true);
        model.Task = string.IsNullOrWhiteSpace(classification.Task) ? model.Task : classification.Task.Trim();
        model.ClassifiedByEngineer = true;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(ModelView.From(model));
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
