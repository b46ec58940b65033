namespace EfficiencyDashboard.Web.Users;

/// <summary>What an action needs; roles grant permissions (<see cref="RolePermissions"/>).</summary>
public enum Permission
{
    /// <summary>Reports, runs and models, read only.</summary>
    Read,
    StartRuns,
    CancelOwnRuns,
    CancelAnyRun,
    Upload,
    MakeVariants,
    Classify,
    StartSuites,
    /// <summary>Download datasets and use the export API.</summary>
    Export,
    /// <summary>Users, roles and everyone's tokens.</summary>
    ManageUsers,
}
