using EfficiencyDashboard.Core.Audit;
using EfficiencyDashboard.Core.Data;
using EfficiencyDashboard.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace EfficiencyDashboard.Web.Users;

/// <summary>Creates, lists and revokes API tokens. Users manage their own; admins everyone's.</summary>
public sealed class ApiTokens(IDbContextFactory<EfficiencyContext> dbFactory, TimeProvider clock)
{
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(365);

    /// <summary>Makes a token for <paramref name="userName"/> (the actor themselves unless the actor is an admin).</summary>
    /// <param name="lifetime">Null for a token that never expires (command line and admins only).</param>
    public async Task<(CreatedToken? Created, Dictionary<string, string[]> Errors)> CreateAsync(
        Actor actor, string userName, string? name, IReadOnlyCollection<string> scopes, TimeSpan? lifetime, CancellationToken cancellationToken)
    {
        if (!actor.IsSignedIn)
        {
            throw actor.Refuse("Creating tokens", Roles.All);
        }

        if (!string.Equals(userName, actor.Name, StringComparison.Ordinal) && !actor.Can(Permission.ManageUsers))
        {
            throw actor.Refuse("Creating tokens for someone else", [Roles.Admin]);
        }

        var errors = new Dictionary<string, string[]>();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.NormalizedUserName == userName.ToUpperInvariant(), cancellationToken);
        if (user is null)
        {
            errors["user"] = [$"There is no user named '{userName}'."];
            return (null, errors);
        }

        var held = await RolesOfAsync(db, user.Id, cancellationToken);
        var parsed = scopes.Select(s => (Given: s, Role: Roles.Parse(s))).ToList();
        if (parsed.Count == 0)
        {
            errors["scopes"] = [$"Give at least one scope: {string.Join(", ", Roles.All)}."];
        }

        foreach (var (given, role) in parsed)
        {
            if (role is null)
            {
                errors["scopes"] = [.. errors.GetValueOrDefault("scopes", []), $"Unknown scope '{given}': use {string.Join(", ", Roles.All)}."];
            }
            else if (!held.Contains(role))
            {
                errors["scopes"] = [.. errors.GetValueOrDefault("scopes", []), $"{user.UserName} does not hold the {role} role, so a token cannot have that scope."];
            }
            else if (actor.Scopes is { } callerScopes && !callerScopes.Contains(role) && !actor.IsAdmin)
            {
                errors["scopes"] = [.. errors.GetValueOrDefault("scopes", []), $"The token making this request lacks the {role} scope, so it cannot give it."];
            }
        }

        var cleanName = name?.Trim();
        if (string.IsNullOrEmpty(cleanName) || cleanName.Length > 100)
        {
            errors["name"] = ["Name the token (at most 100 characters), so you can tell it apart later."];
        }

        if (lifetime is { } span && (span <= TimeSpan.Zero || span > MaxLifetime))
        {
            errors["expires"] = ["A token expires after 1 day to 365 days."];
        }
        else if (lifetime is null && !actor.IsAdmin)
        {
            errors["expires"] = ["Only admins make tokens that never expire."];
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var secret = TokenSecret.New();
        var now = clock.GetUtcNow().UtcDateTime;
        var token = new ApiToken
        {
            UserId = user.Id,
            Name = cleanName!,
            SecretHash = TokenSecret.Hash(secret),
            Prefix = secret[..12],
            Scopes = [.. parsed.Select(p => p.Role!).Distinct().OrderBy(r => Roles.All.ToList().IndexOf(r))],
            CreatedAtUtc = now,
            ExpiresAtUtc = lifetime is { } l ? now + l : null,
        };
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken);
        db.AuditEvents.Add(actor.Audit(AuditAction.TokenCreated, AuditSubject.Token, token.Id, now,
            $"'{token.Name}' ({token.Prefix}…) for {user.UserName}, scopes {string.Join(", ", token.Scopes)}, " +
            (token.ExpiresAtUtc is { } e ? $"expires {e:yyyy-MM-dd HH:mm} UTC" : "never expires")));
        await db.SaveChangesAsync(cancellationToken);
        return (new CreatedToken(View(token, user.UserName!, now), secret), errors);
    }

    /// <summary>The actor's own tokens, or everyone's for an admin who asks for all.</summary>
    public async Task<List<TokenView>> ListAsync(Actor actor, bool everyone, CancellationToken cancellationToken)
    {
        if (!actor.IsSignedIn)
        {
            throw actor.Refuse("Listing tokens", Roles.All);
        }

        if (everyone)
        {
            actor.Require(Permission.ManageUsers, "Listing everyone's tokens");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.ApiTokens.AsNoTracking().Include(t => t.User).AsQueryable();
        query = everyone ? query : query.Where(t => t.User!.UserName == actor.Name);
        var tokens = await query.OrderByDescending(t => t.Id).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        return [.. tokens.Select(t => View(t, t.User!.UserName!, now))];
    }

    /// <summary>Revokes a token of the actor's own (any token for an admin); false when there is no such token.</summary>
    public async Task<bool> RevokeAsync(Actor actor, int tokenId, CancellationToken cancellationToken)
    {
        if (!actor.IsSignedIn)
        {
            throw actor.Refuse("Revoking tokens", Roles.All);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var token = await db.ApiTokens.Include(t => t.User).FirstOrDefaultAsync(t => t.Id == tokenId, cancellationToken);
        if (token is null)
        {
            return false;
        }

        if (token.User!.UserName != actor.Name && !actor.Can(Permission.ManageUsers))
        {
            throw actor.Refuse("Revoking someone else's token", [Roles.Admin]);
        }

        if (token.RevokedAtUtc is null)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            token.RevokedAtUtc = now;
            token.RevokedBy = actor.Name;
            db.AuditEvents.Add(actor.Audit(AuditAction.TokenRevoked, AuditSubject.Token, token.Id, now, $"'{token.Name}' ({token.Prefix}…) of {token.User.UserName}"));
            await db.SaveChangesAsync(cancellationToken);
        }

        return true;
    }

    public static async Task<HashSet<string>> RolesOfAsync(EfficiencyContext db, string userId, CancellationToken cancellationToken) =>
        (await db.UserRoles.Where(r => r.UserId == userId)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!)
            .ToListAsync(cancellationToken)).ToHashSet();

    private static TokenView View(ApiToken t, string user, DateTime now) =>
        new(t.Id, user, t.Name, t.Prefix, t.Scopes, t.CreatedAtUtc, t.ExpiresAtUtc, t.LastUsedAtUtc, t.RevokedAtUtc, t.RevokedBy, t.IsActiveAt(now));
}
