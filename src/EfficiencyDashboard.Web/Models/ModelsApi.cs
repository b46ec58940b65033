using System.Security.Claims;
using EfficiencyDashboard.Core.Data;
using EfficiencyDashboard.Web.Users;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EfficiencyDashboard.Web.Models;

public static class ModelsApi
{
    public static IEndpointRouteBuilder MapModelsApi(this IEndpointRouteBuilder app)
    {
        var models = app.MapGroup("/api/models").WithTags("Models").RequireAuthorization(Policies.Read);
        models.MapGet("/", ListAsync).WithSummary("Every model in the catalog.");
        models.MapGet("/{id:int}", GetAsync).WithSummary("One catalog model with its signature, analysis and lineage.");
        models.MapPost("/", ModelUploadEndpoint.UploadAsync)
            .WithSummary("Upload an .onnx file (multipart: file, name?, inputShapes?); it is validated and analysed before it enters the catalog.")
            // The endpoint reads the multipart body itself, cut at the upload limit, and checks cross-site proof in middleware.
            .DisableAntiforgery();
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
        int id, ModelClassification classification, ClaimsPrincipal user, ModelClassifier classifier, CancellationToken cancellationToken)
    {
        var (model, errors) = await classifier.ClassifyAsync(id, classification, Actor.From(user), cancellationToken);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The classification is invalid; nothing was changed.");
        }

        return model is null
            ? TypedResults.Problem($"There is no model with id {id}.", statusCode: StatusCodes.Status404NotFound)
            : TypedResults.Ok(ModelView.From(model));
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
