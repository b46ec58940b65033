using System.Security.Cryptography;
using EfficiencyDashboard.Core.Audit;
using EfficiencyDashboard.Core.Data;
using EfficiencyDashboard.Core.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace EfficiencyDashboard.Web.Users;

/// <summary>
/// Users and their roles, through ASP.NET Core Identity (its password hashing and validation). Each call opens its own
/// scope, so a page's long-lived circuit never holds a database context.
/// </summary>
public sealed class UserAccounts(IServiceScopeFactory scopes, IDbContextFactory<EfficiencyContext> dbFactory, TimeProvider clock)
{
    public async Task<List<UserView>> ListAsync(Actor actor, CancellationToken cancellationToken)
    {
        actor.Require(Permission.ManageUsers, "Listing users");
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var users = await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(cancellationToken);
        var roles = await db.UserRoles.AsNoTracking().ToListAsync(cancellationToken);
        var tokens = await db.ApiTokens.AsNoTracking()
            .Where(t => t.RevokedAtUtc == null && (t.ExpiresAtUtc == null || t.ExpiresAtUtc > now))
            .GroupBy(t => t.UserId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return [.. users.Select(u => new UserView(
            u.UserName!,
            [.. Roles.All.Where(r => roles.Any(ur => ur.UserId == u.Id && ur.RoleId == r))],
            IsDisabled(u, now),
            u.CreatedAtUtc,
            tokens.GetValueOrDefault(u.Id)))];
    }

    /// <summary>Makes a user with roles; with no password, a random one is made and returned once.</summary>
    public async Task<(CreatedUser? Created, Dictionary<string, string[]> Errors)> CreateAsync(
        Actor actor, string? name, IReadOnlyCollection<string> roles, string? password, CancellationToken cancellationToken)
    {
        actor.Require(Permission.ManageUsers, "Creating users");
        return await AddAsync(actor, name, roles, password, AuditAction.UserCreated, cancellationToken);
    }

    /// <summary>The first admin, made through the one-time setup link.</summary>
    internal Task<(CreatedUser? Created, Dictionary<string, string[]> Errors)> CreateFirstAdminAsync(string? name, string password, CancellationToken cancellationToken) =>
        AddAsync(new Actor(name?.Trim(), new HashSet<string>()), name, [Roles.Admin], password, AuditAction.FirstAdminCreated, cancellationToken);

    public async Task<bool> AnyAdminAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.UserRoles.AnyAsync(r => r.RoleId == Roles.Admin, cancellationToken);
    }

    /// <summary>Replaces a user's roles. The last enabled admin keeps the admin role.</summary>
    public async Task<Dictionary<string, string[]>> SetRolesAsync(Actor actor, string name, IReadOnlyCollection<string> roles, CancellationToken cancellationToken)
    {
        actor.Require(Permission.ManageUsers, "Changing roles");
        var (parsed, errors) = ParseRoles(roles);
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DashboardUser>>();
        var user = await users.FindByNameAsync(name);
        if (user is null)
        {
            errors["name"] = [$"There is no user named '{name}'."];
        }
        else if (!parsed.Contains(Roles.Admin) && await IsLastAdminAsync(users, user))
        {
            errors["roles"] = [$"{user.UserName} is the last enabled admin: make someone else admin first."];
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        var current = await users.GetRolesAsync(user!);
        await users.RemoveFromRolesAsync(user!, current.Except(parsed));
        await users.AddToRolesAsync(user!, parsed.Except(current));
        // A new stamp makes open sessions pick up the roles at their next check (within a minute).
        await users.UpdateSecurityStampAsync(user!);
        await RecordAsync(actor, AuditAction.RolesChanged, user!.UserName!, $"roles now {Describe(parsed)}", cancellationToken);
        return errors;
    }

    /// <summary>Disables (signs out everywhere and refuses the user's tokens) or enables a user.</summary>
    public async Task<Dictionary<string, string[]>> SetDisabledAsync(Actor actor, string name, bool disabled, CancellationToken cancellationToken)
    {
        actor.Require(Permission.ManageUsers, disabled ? "Disabling users" : "Enabling users");
        var errors = new Dictionary<string, string[]>();
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DashboardUser>>();
        var user = await users.FindByNameAsync(name);
        if (user is null)
        {
            errors["name"] = [$"There is no user named '{name}'."];
            return errors;
        }

        if (disabled && await IsLastAdminAsync(users, user))
        {
            errors["name"] = [$"{user.UserName} is the last enabled admin and cannot be disabled."];
            return errors;
        }

        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, disabled ? DateTimeOffset.MaxValue : null);
        await users.UpdateSecurityStampAsync(user);
        await RecordAsync(actor, disabled ? AuditAction.UserDisabled : AuditAction.UserEnabled, user.UserName!, null, cancellationToken);
        return errors;
    }

    public static bool IsDisabled(DashboardUser user, DateTime nowUtc) => user.LockoutEnd is { } end && end.UtcDateTime > nowUtc.AddYears(100);

    private async Task<(CreatedUser? Created, Dictionary<string, string[]> Errors)> AddAsync(
        Actor actor, string? name, IReadOnlyCollection<string> roles, string? password, string action, CancellationToken cancellationToken)
    {
        var (parsed, errors) = ParseRoles(roles);
        if (string.IsNullOrWhiteSpace(name))
        {
            errors["name"] = ["Give the user a name."];
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var generated = string.IsNullOrEmpty(password) ? GeneratePassword() : null;
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DashboardUser>>();
        var user = new DashboardUser { UserName = name!.Trim(), CreatedAtUtc = clock.GetUtcNow().UtcDateTime, LockoutEnabled = true };
        var result = await users.CreateAsync(user, password is { Length: > 0 } ? password : generated!);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                var field = error.Code.StartsWith("Password", StringComparison.Ordinal) ? "password" : "name";
                errors[field] = [.. errors.GetValueOrDefault(field, []), error.Description];
            }

            return (null, errors);
        }

        await users.AddToRolesAsync(user, parsed);
        await RecordAsync(actor, action, user.UserName!, $"roles {Describe(parsed)}", cancellationToken);
        return (new CreatedUser(new UserView(user.UserName!, parsed, false, user.CreatedAtUtc, 0), generated), errors);
    }

    private static async Task<bool> IsLastAdminAsync(UserManager<DashboardUser> users, DashboardUser user)
    {
        if (!await users.IsInRoleAsync(user, Roles.Admin))
        {
            return false;
        }

        var now = DateTime.UtcNow;
        var admins = await users.GetUsersInRoleAsync(Roles.Admin);
        return admins.Count(a => !IsDisabled(a, now)) <= 1;
    }

    private static (List<string> Roles, Dictionary<string, string[]> Errors) ParseRoles(IReadOnlyCollection<string> given)
    {
        var errors = new Dictionary<string, string[]>();
        var parsed = new List<string>();
        foreach (var role in given)
        {
            if (Roles.Parse(role) is { } known)
            {
                parsed.Add(known);
            }
            else
            {
                errors["roles"] = [.. errors.GetValueOrDefault("roles", []), $"Unknown role '{role}': use {string.Join(", ", Roles.All)}."];
            }
        }

        if (given.Count == 0)
        {
            errors["roles"] = [$"Give at least one role: {string.Join(", ", Roles.All)}."];
        }

        return ([.. parsed.Distinct().OrderBy(r => Roles.All.ToList().IndexOf(r))], errors);
    }

    private static string Describe(IEnumerable<string> roles) => string.Join(", ", roles);

    /// <summary>20 characters from 56 letters and digits that cannot be mistaken for one another: about 116 random bits.</summary>
    private static string GeneratePassword() =>
        RandomNumberGenerator.GetString("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789", 20);

    private async Task RecordAsync(Actor actor, string action, string userName, string? detail, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.AuditEvents.Add(actor.Audit(action, AuditSubject.User, userName, clock.GetUtcNow().UtcDateTime, detail));
        await db.SaveChangesAsync(cancellationToken);
    }
}
