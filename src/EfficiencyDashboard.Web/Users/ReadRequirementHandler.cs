using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace EfficiencyDashboard.Web.Users;

/// <summary>Any role reads; someone not signed in reads only when anonymous viewers are switched on.</summary>
public sealed class ReadRequirementHandler(IOptionsMonitor<AuthOptions> options) : AuthorizationHandler<ReadRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ReadRequirement requirement)
    {
        var actor = Actor.From(context.User);
        if (actor.Can(Permission.Read) || (!actor.IsSignedIn && options.CurrentValue.AnonymousViewers))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
