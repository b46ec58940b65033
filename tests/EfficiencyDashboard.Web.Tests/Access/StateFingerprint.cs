using EfficiencyDashboard.Core.Data;
using EfficiencyDashboard.Core.Runs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EfficiencyDashboard.Web.Tests.Access;

/// <summary>Everything a refused request must leave as it was: runs, models, jobs, suites, users, roles, tokens, the audit log and stored files.</summary>
public static class StateFingerprint
{
    public static async Task<string> TakeAsync(IServiceProvider services, string dataDirectory)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<EfficiencyContext>>().CreateDbContextAsync();
        var models = await db.Models.AsNoTracking().OrderBy(m => m.Id).Select(m => new { m.Id, m.Family, m.Task, m.ClassifiedByEngineer }).ToListAsync();
        var runs = await db.Runs.AsNoTracking().OrderBy(r => r.Id).Select(r => new { r.Id, r.Status, r.CancelRequested }).ToListAsync();
        var users = await db.Users.AsNoTracking().OrderBy(u => u.UserName).Select(u => new { u.UserName, u.LockoutEnd, u.PasswordHash }).ToListAsync();
        var roles = await db.UserRoles.AsNoTracking().OrderBy(r => r.UserId).ThenBy(r => r.RoleId).Select(r => r.UserId + ":" + r.RoleId).ToListAsync();
        var tokens = await db.ApiTokens.AsNoTracking().OrderBy(t => t.Id).Select(t => new { t.Id, t.RevokedAtUtc }).ToListAsync();
        var results = await db.RunResults.AsNoTracking().OrderBy(r => r.RunId).Select(r => new { r.RunId, r.IsValid, r.ValidityReasons }).ToListAsync();
        var files = Directory.GetFiles(dataDirectory, "*", SearchOption.AllDirectories).Count(f => !f.Contains(".db", StringComparison.Ordinal));
        return string.Join("\n",
            "models " + string.Join(";", models.Select(m => $"{m.Id},{m.Family},{m.Task},{m.ClassifiedByEngineer}")),
            "runs " + string.Join(";", runs.Select(r => $"{r.Id},{r.Status},{r.CancelRequested}")),
            "results " + string.Join(";", results.Select(r => $"{r.RunId},{r.IsValid},{r.ValidityReasons.Count}")),
            $"variant jobs {await db.VariantJobs.CountAsync()}",
            $"suite starts {await db.SuiteRuns.CountAsync()}",
            "users " + string.Join(";", users.Select(u => $"{u.UserName},{u.LockoutEnd},{u.PasswordHash}")),
            "roles " + string.Join(";", roles),
            "tokens " + string.Join(";", tokens.Select(t => $"{t.Id},{t.RevokedAtUtc}")),
            $"audit events {await db.AuditEvents.CountAsync()}",
            $"files {files}");
    }

    /// <summary>Queued runs of one status, for the tests that count them.</summary>
    public static async Task<int> RunsAsync(IServiceProvider services, RunStatus status)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<EfficiencyContext>>().CreateDbContextAsync();
        return await db.Runs.CountAsync(r => r.Status == status);
    }
}
