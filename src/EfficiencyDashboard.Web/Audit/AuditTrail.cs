using EfficiencyDashboard.Core.Audit;
using EfficiencyDashboard.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace EfficiencyDashboard.Web.Audit;

/// <summary>Reads the audit log: the events about one run or model, or the latest of all (admins).</summary>
public sealed class AuditTrail(IDbContextFactory<EfficiencyContext> dbFactory)
{
    public async Task<List<AuditEvent>> AboutAsync(string subjectType, object subjectId, CancellationToken cancellationToken)
    {
        var id = subjectId.ToString();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.AuditEvents.AsNoTracking()
            .Where(e => e.SubjectType == subjectType && e.SubjectId == id)
            .OrderBy(e => e.Id)
            .ToListAsync(cancellationToken);
    }

    public async Task<List<AuditEvent>> LatestAsync(int count, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.AuditEvents.AsNoTracking().OrderByDescending(e => e.Id).Take(count).ToListAsync(cancellationToken);
    }
}
