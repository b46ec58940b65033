using System.Security.Claims;
using System.Text.Encodings.Web;
using EfficiencyDashboard.Core.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EfficiencyDashboard.Web.Users;

/// <summary>
/// Authenticates <c>Authorization: Bearer edt_...</c>: the token must be known by its hash, unexpired, unrevoked, and its
/// user enabled. The principal carries the user's roles now and the token's scopes (see <see cref="Actor.Can"/>).
/// Records when it was last used.
/// </summary>
public sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IDbContextFactory<EfficiencyContext> dbFactory,
    TimeProvider clock,
    IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    /// <summary>Last-used times are written at most this often per token, so scripts do not turn reads into writes.</summary>
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    public static bool HasBearer(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!HasBearer(Request))
        {
            return AuthenticateResult.NoResult();
        }

        var secret = Request.Headers.Authorization.ToString()["Bearer ".Length..].Trim();
        if (secret.Length is 0 or > 200)
        {
            return AuthenticateResult.Fail("The bearer token is malformed.");
        }

        var hash = TokenSecret.Hash(secret);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(Context.RequestAborted);
        var token = await db.ApiTokens.AsNoTracking().Include(t => t.User).FirstOrDefaultAsync(t => t.SecretHash == hash, Context.RequestAborted);
        if (token?.User is not { } user || !token.IsActiveAt(now))
        {
            return AuthenticateResult.Fail("The token is unknown, expired or revoked.");
        }

        if (user.LockoutEnd is { } lockedUntil && lockedUntil.UtcDateTime > now)
        {
            return AuthenticateResult.Fail("The token's user is disabled.");
        }

        var held = await ApiTokens.RolesOfAsync(db, user.Id, Context.RequestAborted);
        if (token.LastUsedAtUtc is null || now - token.LastUsedAtUtc >= LastUsedResolution)
        {
            await db.ApiTokens.Where(t => t.Id == token.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAtUtc, now), Context.RequestAborted);
        }

        var identity = new ClaimsIdentity(SchemeName, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, user.Id));
        identity.AddClaim(new Claim(ClaimTypes.Name, user.UserName!));
        identity.AddClaim(new Claim(DashboardClaims.Token, $"{token.Name} ({token.Prefix}…)"));
        foreach (var role in held)
        {
            identity.AddClaim(new Claim(ClaimTypes.Role, role));
        }

        foreach (var scope in token.Scopes)
        {
            identity.AddClaim(new Claim(DashboardClaims.Scope, scope));
        }

        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var failure = (await HandleAuthenticateOnceSafeAsync()).Failure?.Message;
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = failure is null ? "Bearer" : "Bearer error=\"invalid_token\"";
        await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status401Unauthorized,
                Title = "Sign in first; nothing was changed.",
                Detail = failure ?? "Send an API token as 'Authorization: Bearer <token>' (make one on your account page), or sign in.",
            },
        });
    }
}
