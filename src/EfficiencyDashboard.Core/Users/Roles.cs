namespace EfficiencyDashboard.Core.Users;

/// <summary>The four roles of the product; a user may hold several. Token scopes use the same names.</summary>
public static class Roles
{
    /// <summary>Reads reports, runs and models.</summary>
    public const string Viewer = "viewer";

    /// <summary>A viewer who also starts and cancels their own runs, uploads, makes variants, classifies models and starts suites.</summary>
    public const string Engineer = "engineer";

    /// <summary>A viewer who also downloads datasets and uses the export API.</summary>
    public const string Analyst = "analyst";

    /// <summary>Everything, including users, tokens and other people's runs.</summary>
    public const string Admin = "admin";

    public static IReadOnlyList<string> All { get; } = [Viewer, Engineer, Analyst, Admin];

    /// <summary>The role of that name (any case), or null.</summary>
    public static string? Parse(string? name) =>
        All.FirstOrDefault(r => string.Equals(r, name?.Trim(), StringComparison.OrdinalIgnoreCase));
}
