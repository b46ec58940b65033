using System.Security.Claims;
using EfficiencyDashboard.Core.Audit;
using EfficiencyDashboard.Core.Data;
using EfficiencyDashboard.Core.Measurements;
using EfficiencyDashboard.Core.Reports.Aggregates;
using Microsoft.AspNetCore.Http.HttpResults;
using EfficiencyDashboard.Web.Users;
using Microsoft.EntityFrameworkCore;

namespace EfficiencyDashboard.Web.Runs;

/// <summary>
/// Marks a stored result INVALID after the fact (interference noticed later, a wrong setup): the result keeps its figures
/// and gains the reason, and the per-setting aggregates move it from the valid to the invalid side in the same transaction.
/// </summary>
public static class RunInvalidation
{
    public const int MaxReasonLength = 500;

    public static async Task<Results<Ok<ValidityView>, ProblemHttpResult, ValidationProblem>> InvalidateAsync(
        long id, RunInvalidationRequest request, ClaimsPrincipal user, IDbContextFactory<EfficiencyContext> dbFactory, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var actor = Actor.From(user);
        var reason = request.Reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > MaxReasonLength)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["reason"] = [$"Say why the result is invalid, in 1 to {MaxReasonLength} characters."] },
                title: "The result was not changed.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var result = await db.RunResults.FirstOrDefaultAsync(x => x.RunId == id, cancellationToken);
        if (result is null)
        {
            return await db.Runs.AnyAsync(r => r.Id == id, cancellationToken)
                ? TypedResults.Problem($"Run {id} has no stored result to invalidate.", statusCode: StatusCodes.Status409Conflict)
                : TypedResults.Problem($"There is no run with id {id}.", statusCode: StatusCodes.Status404NotFound);
        }

        // Engineers invalidate their own runs' results, admins anyone's, as with cancelling.
        var owner = await db.Runs.Where(r => r.Id == id).Select(r => r.CreatedBy).FirstAsync(cancellationToken);
        if (!actor.CanCancel(owner))
        {
            throw actor.Can(Permission.CancelOwnRuns)
                ? actor.Refuse($"Invalidating a result of {owner ?? "no recorded user"}", [Core.Users.Roles.Admin])
                : actor.Refuse("Invalidating results", RolePermissions.RolesAllowing(Permission.CancelOwnRuns));
        }

        result.IsValid = false;
        result.ValidityReasons = [.. result.ValidityReasons, new ValidityReason(ValidityCheck.MarkedInvalid, $"Marked INVALID by {actor.Name ?? "an engineer"}: {reason}")];
        db.AuditEvents.Add(actor.Audit(AuditAction.RunInvalidated, AuditSubject.Run, id, clock.GetUtcNow().UtcDateTime, reason));
        await db.SaveChangesAsync(cancellationToken);
        await SettingAggregates.RefreshAsync(db, id, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var validity = new Validity(result.ValidityReasons);
        return TypedResults.Ok(new ValidityView(false, validity.Summary, validity.Reasons));
    }
}
