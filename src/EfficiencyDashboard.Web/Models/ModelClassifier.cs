using EfficiencyDashboard.Core.Audit;
using EfficiencyDashboard.Core.Catalog;
using EfficiencyDashboard.Core.Data;
using EfficiencyDashboard.Web.Users;
using Microsoft.EntityFrameworkCore;

namespace EfficiencyDashboard.Web.Models;

/// <summary>An engineer's correction of a model's family and task, for the Models page and <c>PATCH /api/models/{id}</c> alike.</summary>
public sealed class ModelClassifier(IDbContextFactory<EfficiencyContext> dbFactory, TimeProvider clock)
{
    /// <summary>Null when there is no such model; errors when the family or task is invalid.</summary>
    public async Task<(Model? Model, Dictionary<string, string[]> Errors)> ClassifyAsync(
        int modelId, ModelClassification classification, Actor actor, CancellationToken cancellationToken)
    {
        actor.Require(Permission.Classify, "Classifying models");
        var errors = new Dictionary<string, string[]>();
        ModelFamily? family = null;
        if (classification.Family is not null)
        {
            if (Enum.TryParse<ModelFamily>(classification.Family, ignoreCase: true, out var parsed) && !char.IsDigit(classification.Family.Trim()[0]))
            {
                family = parsed;
            }
            else
            {
                errors["family"] = [$"Unknown family '{classification.Family}': use {string.Join(", ", Enum.GetNames<ModelFamily>())}."];
            }
        }

        if (classification.Task is { Length: > 200 })
        {
            errors["task"] = ["Say what the model does in at most 200 characters."];
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var model = await db.Models.FirstOrDefaultAsync(m => m.Id == modelId, cancellationToken);
        if (model is null || errors.Count > 0)
        {
            return (null, errors);
        }

        model.Family = family ?? model.Family;
        model.Task = string.IsNullOrWhiteSpace(classification.Task) ? model.Task : classification.Task.Trim();
        model.ClassifiedByEngineer = true;
        db.AuditEvents.Add(actor.Audit(AuditAction.ModelClassified, AuditSubject.Model, model.Id, clock.GetUtcNow().UtcDateTime,
            $"family {model.Family}, task {model.Task}"));
        await db.SaveChangesAsync(cancellationToken);
        return (model, errors);
    }
}
