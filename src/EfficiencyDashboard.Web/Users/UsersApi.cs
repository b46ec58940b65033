using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EfficiencyDashboard.Web.Users;

/// <summary>Who am I, users and roles (admins), and API tokens, for scripts; the Account and Admin pages use the same services.</summary>
public static class UsersApi
{
    public static IEndpointRouteBuilder MapUsersApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/me", Me).WithTags("Users").RequireAuthorization()
            .WithSummary("The signed-in user (or the token's user), the roles in force and the token used.");

        var users = app.MapGroup("/api/users").WithTags("Users").RequireAuthorization();
        users.MapGet("/", ListUsersAsync).WithSummary("Every user with their roles (admins).");
        users.MapPost("/", CreateUserAsync).WithSummary("Create a user with roles; without a password, one is made and returned once (admins).");
        users.MapPut("/{name}/roles", SetRolesAsync).WithSummary("Replace a user's roles (admins).");
        users.MapPost("/{name}/disable", (string name, ClaimsPrincipal user, UserAccounts accounts, CancellationToken ct) => SetDisabledAsync(name, true, user, accounts, ct))
            .WithSummary("Disable a user: their sessions end and their tokens stop working (admins).");
        users.MapPost("/{name}/enable", (string name, ClaimsPrincipal user, UserAccounts accounts, CancellationToken ct) => SetDisabledAsync(name, false, user, accounts, ct))
            .WithSummary("Enable a disabled user (admins).");

        var tokens = app.MapGroup("/api/tokens").WithTags("Users").RequireAuthorization();
        tokens.MapGet("/", ListTokensAsync).WithSummary("Your API tokens (never their secrets); ?all=true for everyone's (admins).");
        tokens.MapPost("/", CreateTokenAsync).WithSummary("Create an API token with scopes among your roles; its secret is returned once.");
        tokens.MapPost("/{id:int}/revoke", RevokeTokenAsync).WithSummary("Revoke one of your tokens (admins: anyone's).");
        return app;
    }

    private static Ok<Me> Me(ClaimsPrincipal user)
    {
        var actor = Actor.From(user);
        return TypedResults.Ok(new Me(actor.Name!, [.. actor.Roles.Order()], actor.Token, actor.Scopes is null ? null : [.. actor.Scopes.Order()]));
    }

    private static async Task<Ok<List<UserView>>> ListUsersAsync(ClaimsPrincipal user, UserAccounts accounts, CancellationToken cancellationToken) =>
        TypedResults.Ok(await accounts.ListAsync(Actor.From(user), cancellationToken));

    private static async Task<Results<Created<CreatedUser>, ValidationProblem>> CreateUserAsync(
        UserRequest request, ClaimsPrincipal user, UserAccounts accounts, CancellationToken cancellationToken)
    {
        var (created, errors) = await accounts.CreateAsync(Actor.From(user), request.Name, request.Roles ?? [], request.Password, cancellationToken);
        return created is null
            ? TypedResults.ValidationProblem(errors, title: "The user was not created.")
            : TypedResults.Created($"/api/users/{Uri.EscapeDataString(created.User.Name)}", created);
    }

    private static async Task<Results<NoContent, ValidationProblem>> SetRolesAsync(
        string name, string[] roles, ClaimsPrincipal user, UserAccounts accounts, CancellationToken cancellationToken)
    {
        var errors = await accounts.SetRolesAsync(Actor.From(user), name, roles, cancellationToken);
        return errors.Count > 0 ? TypedResults.ValidationProblem(errors, title: "The roles were not changed.") : TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, ValidationProblem>> SetDisabledAsync(
        string name, bool disabled, ClaimsPrincipal user, UserAccounts accounts, CancellationToken cancellationToken)
    {
        var errors = await accounts.SetDisabledAsync(Actor.From(user), name, disabled, cancellationToken);
        return errors.Count > 0 ? TypedResults.ValidationProblem(errors, title: "Nothing was changed.") : TypedResults.NoContent();
    }

    private static async Task<Ok<List<TokenView>>> ListTokensAsync(ClaimsPrincipal user, ApiTokens tokens, CancellationToken cancellationToken, bool all = false) =>
        TypedResults.Ok(await tokens.ListAsync(Actor.From(user), all, cancellationToken));

    private static async Task<Results<Created<CreatedToken>, ValidationProblem>> CreateTokenAsync(
        TokenRequest request, ClaimsPrincipal user, ApiTokens tokens, CancellationToken cancellationToken)
    {
        var actor = Actor.From(user);
        var days = request.ExpiresInDays ?? 30;
        var (created, errors) = await tokens.CreateAsync(actor, request.User ?? actor.Name!, request.Name, request.Scopes ?? [],
            days is >= 1 and <= 365 ? TimeSpan.FromDays(days) : TimeSpan.Zero, cancellationToken);
        return created is null
            ? TypedResults.ValidationProblem(errors, title: "The token was not created.")
            : TypedResults.Created($"/api/tokens/{created.Token.Id}", created);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeTokenAsync(int id, ClaimsPrincipal user, ApiTokens tokens, CancellationToken cancellationToken) =>
        await tokens.RevokeAsync(Actor.From(user), id, cancellationToken)
            ? TypedResults.NoContent()
            : TypedResults.Problem($"There is no token with id {id}.", statusCode: StatusCodes.Status404NotFound);
}
