using Microsoft.AspNetCore.Authorization;

namespace EfficiencyDashboard.Web.Users;

/// <summary>The <see cref="Policies.Read"/> policy's one requirement.</summary>
public sealed class ReadRequirement : IAuthorizationRequirement;
