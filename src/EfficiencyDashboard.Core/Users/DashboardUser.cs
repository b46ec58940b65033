using Microsoft.AspNetCore.Identity;

namespace EfficiencyDashboard.Core.Users;

/// <summary>Someone who signs in to the dashboard; their roles say what they may do.</summary>
public sealed class DashboardUser : IdentityUser
{
    public DateTime CreatedAtUtc { get; set; }
}
