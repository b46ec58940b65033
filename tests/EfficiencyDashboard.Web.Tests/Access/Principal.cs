using EfficiencyDashboard.Core.Users;

namespace EfficiencyDashboard.Web.Tests.Access;

/// <summary>Who makes a request in the access table: nobody, or a user holding one role (through an API token).</summary>
public sealed record Principal(string Name, string[] Roles)
{
    public static readonly Principal Anonymous = new("anonymous", []);

    public static readonly IReadOnlyList<Principal> All =
    [
        Anonymous,
        new(Core.Users.Roles.Viewer, [Core.Users.Roles.Viewer]),
        new(Core.Users.Roles.Engineer, [Core.Users.Roles.Engineer]),
        new(Core.Users.Roles.Analyst, [Core.Users.Roles.Analyst]),
        new(Core.Users.Roles.Admin, [Core.Users.Roles.Admin]),
    ];

    public override string ToString() => Name;
}
