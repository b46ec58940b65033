using EfficiencyDashboard.Core.Audit;
using EfficiencyDashboard.Core.Data;
using EfficiencyDashboard.Core.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EfficiencyDashboard.Web.Users;

/// <summary>
/// The sign-in cookie's form posts: sign in, sign out and password change. Plain HTML forms with an
/// antiforgery field, which minimal APIs check for every [FromForm] endpoint.
/// </summary>
public static class AccountEndpoints
{
    public const string LoginPath = "/account/login";

    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var account = app.MapGroup("/account").ExcludeFromDescription();
        account.MapPost("/login", LoginAsync).AllowAnonymous();
        account.MapPost("/logout", LogoutAsync).RequireAuthorization();
        account.MapPost("/password", ChangePasswordAsync).RequireAuthorization();
        return app;
    }

    private static async Task<IResult> LoginAsync(
        [FromForm] string? userName, [FromForm] string? password, [FromForm] string? returnUrl, SignInManager<DashboardUser> signIn)
    {
        var back = LocalOrHome(returnUrl);
        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrEmpty(password))
        {
            return Results.LocalRedirect(LoginUrl("missing", back));
        }

        // Failures count towards a lockout (Identity's defaults: 5 tries, then 5 minutes), which slows password guessing.
        var result = await signIn.PasswordSignInAsync(userName.Trim(), password, isPersistent: true, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return Results.LocalRedirect(back);
        }

        return Results.LocalRedirect(LoginUrl(result.IsLockedOut ? "locked" : "invalid", back));
    }

    /// <remarks>A form field is bound so that minimal APIs check the antiforgery field: a cross-site post cannot sign anyone out.</remarks>
    private static async Task<IResult> LogoutAsync([FromForm] string? returnUrl, SignInManager<DashboardUser> signIn)
    {
        await signIn.SignOutAsync();
        return Results.LocalRedirect(LoginPath + "?signedOut=true");
    }

    private static async Task<IResult> ChangePasswordAsync(
        [FromForm] string? currentPassword, [FromForm] string? newPassword, [FromForm] string? confirmPassword, HttpContext context,
        UserManager<DashboardUser> users, SignInManager<DashboardUser> signIn, IDbContextFactory<EfficiencyContext> dbFactory, TimeProvider clock)
    {
        var user = await users.GetUserAsync(context.User);
        if (user is null)
        {
            return Results.LocalRedirect(LoginPath);
        }

        if (string.IsNullOrEmpty(newPassword) || newPassword != confirmPassword)
        {
            return Results.LocalRedirect("/account?passwordError=mismatch");
        }

        var result = await users.ChangePasswordAsync(user, currentPassword ?? "", newPassword);
        if (!result.Succeeded)
        {
            return Results.LocalRedirect($"/account?passwordError={Uri.EscapeDataString(string.Join(",", result.Errors.Select(e => e.Code)))}");
        }

        // The password change renewed the security stamp; a fresh cookie keeps this browser signed in.
        await signIn.RefreshSignInAsync(user);
        await using var db = await dbFactory.CreateDbContextAsync();
        db.AuditEvents.Add(Actor.From(context.User).Audit(AuditAction.PasswordChanged, AuditSubject.User, user.UserName!, clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync();
        return Results.LocalRedirect("/account?passwordChanged=true");
    }

    private static string LoginUrl(string error, string returnUrl) =>
        $"{LoginPath}?error={error}&returnUrl={Uri.EscapeDataString(returnUrl)}";

    /// <summary>Only addresses on this site, so a crafted link cannot send a user elsewhere after signing in.</summary>
    public static string LocalOrHome(string? returnUrl) =>
        returnUrl is { Length: > 0 } url && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
            ? url
            : "/";
}
