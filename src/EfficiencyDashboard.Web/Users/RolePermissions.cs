using EfficiencyDashboard.Core.Users;

namespace EfficiencyDashboard.Web.Users;

/// <summary>What each role may do: the one table every check in the product reads.</summary>
public static class RolePermissions
{
    private static readonly Permission[] Engineering =
        [Permission.StartRuns, Permission.CancelOwnRuns, Permission.Upload, Permission.MakeVariants, Permission.Classify, Permission.StartSuites];

    public static IReadOnlyDictionary<string, IReadOnlySet<Permission>> ByRole { get; } = new Dictionary<string, IReadOnlySet<Permission>>
    {
        [Roles.Viewer] = new HashSet<Permission> { Permission.Read },
        [Roles.Engineer] = new HashSet<Permission>([Permission.Read, .. Engineering]),
        [Roles.Analyst] = new HashSet<Permission> { Permission.Read, Permission.Export },
        [Roles.Admin] = Enum.GetValues<Permission>().ToHashSet(),
    };

    public static bool Allows(IEnumerable<string> roles, Permission permission) =>
        roles.Any(role => ByRole.TryGetValue(role, out var permissions) && permissions.Contains(permission));

    /// <summary>The roles that grant a permission, for messages such as "needs the engineer or admin role".</summary>
    public static IReadOnlyList<string> RolesAllowing(Permission permission) =>
        [.. Roles.All.Where(role => ByRole[role].Contains(permission))];
}
