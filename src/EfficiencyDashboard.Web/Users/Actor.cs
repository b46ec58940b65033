using System.Security.Claims;
using EfficiencyDashboard.Core.Audit;
using EfficiencyDashboard.Core.Users;

namespace EfficiencyDashboard.Web.Users;

/// <summary>
/// Who is asking, as the services that act see it: a user name, the roles the user holds now, and for a request with an
/// API token, the token and its scopes. An action needs a permission from both the roles and the scopes, so a token never
/// reaches beyond its scopes nor beyond its user. Pages and the API build it from the same claims.
/// </summary>
public sealed record Actor(string? Name, IReadOnlySet<string> Roles, string? Token = null, IReadOnlySet<string>? Scopes = null)
{
    public const string CommandLineName = "command line";

    public static Actor Anonymous { get; } = new(null, new HashSet<string>());

    /// <summary>The command-line verbs, run by whoever has a shell on the server and the data directory.</summary>
    public static Actor CommandLine { get; } = new(CommandLineName, new HashSet<string> { Core.Users.Roles.Admin });

    public bool IsSignedIn => Name is not null;

    /// <summary>Users, roles and everyone's tokens (and the admin page).</summary>
    public bool IsAdmin => Can(Permission.ManageUsers);

    public static Actor From(ClaimsPrincipal? principal)
    {
        if (principal?.Identity is not { IsAuthenticated: true } identity || identity.Name is not { Length: > 0 } name)
        {
            return Anonymous;
        }

        var token = principal.FindFirst(DashboardClaims.Token)?.Value;
        return new Actor(
            name,
            principal.FindAll(ClaimTypes.Role).Select(c => c.Value).Where(r => Core.Users.Roles.All.Contains(r)).ToHashSet(),
            token,
            token is null ? null : principal.FindAll(DashboardClaims.Scope).Select(c => c.Value).ToHashSet());
    }

    public bool Can(Permission permission) =>
        RolePermissions.Allows(Roles, permission) && (Scopes is null || RolePermissions.Allows(Scopes, permission));

    /// <summary>Engineers cancel their own runs; admins anyone's.</summary>
    public bool CanCancel(string? runCreatedBy) =>
        Can(Permission.CancelAnyRun) || (Can(Permission.CancelOwnRuns) && Name is not null && runCreatedBy == Name);

    /// <summary>Throws <see cref="ActionRefusedException"/> unless the actor holds <paramref name="permission"/>.</summary>
    /// <param name="action">What was asked, as a sentence starts: "Starting runs".</param>
    public void Require(Permission permission, string action)
    {
        if (Can(permission))
        {
            return;
        }

        throw Refuse(action, RolePermissions.RolesAllowing(permission));
    }

    public ActionRefusedException Refuse(string action, IReadOnlyList<string> rolesNeeded)
    {
        var needs = $"{action} needs the {string.Join(" or ", rolesNeeded)} role";
        if (!IsSignedIn)
        {
            return new ActionRefusedException(Refusal.SignInRequired, $"{needs}: sign in first. Nothing was changed.");
        }

        var holds = Roles.Count == 0 ? "no role" : $"the {string.Join(", ", Roles.Order())} role{(Roles.Count > 1 ? "s" : "")}";
        var token = Scopes is null ? "" : $", and this token has the scope{(Scopes.Count == 1 ? "" : "s")} {string.Join(", ", Scopes.Order())}";
        return new ActionRefusedException(Refusal.NotAllowed, $"{needs}; {Name} holds {holds}{token}. Nothing was changed.");
    }

    /// <summary>An audit event for something this actor did now.</summary>
    public AuditEvent Audit(string action, string subjectType, object subjectId, DateTime atUtc, string? detail = null) => new()
    {
        AtUtc = atUtc,
        Actor = Name ?? "anonymous",
        Token = Token,
        Action = action,
        SubjectType = subjectType,
        SubjectId = subjectId.ToString(),
        Detail = detail is { Length: > 1000 } ? detail[..1000] : detail,
    };
}
