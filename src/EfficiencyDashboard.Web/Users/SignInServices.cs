using EfficiencyDashboard.Core.Data;
using EfficiencyDashboard.Core.Users;
using EfficiencyDashboard.Web.Limits;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;

namespace EfficiencyDashboard.Web.Users;

public static class SignInServices
{
    /// <summary>The scheme that picks the API token handler for bearer requests and the sign-in cookie otherwise.</summary>
    public const string CookieOrToken = "CookieOrToken";

    /// <summary>ASP.NET Core Identity on the app's database, the sign-in cookie, API tokens, roles and the policies that read them.</summary>
    public static void AddSignIn(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.SectionName);
        services.AddOptions<LimitsOptions>().BindConfiguration(LimitsOptions.SectionName);

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = CookieOrToken;
                options.DefaultSignInScheme = IdentityConstants.ApplicationScheme;
            })
            .AddPolicyScheme(CookieOrToken, "Sign-in cookie or API token", options => options.ForwardDefaultSelector = context =>
                ApiTokenAuthenticationHandler.HasBearer(context.Request) ? ApiTokenAuthenticationHandler.SchemeName : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null)
            .AddIdentityCookies();
        services.AddIdentityCore<DashboardUser>(options =>
            {
                // Length over composition rules (NIST SP 800-63B); lockout slows guessing.
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<EfficiencyContext>()
            .AddSignInManager();
        // Disabled users, new roles and changed passwords reach other sessions within a minute.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));
        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "EfficiencyDashboard.SignIn";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.LoginPath = AccountEndpoints.LoginPath;
            options.AccessDeniedPath = "/account/denied";
            options.ExpireTimeSpan = TimeSpan.FromDays(14);
            options.SlidingExpiration = true;
            options.Events.OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => RedirectOrStatus(context, StatusCodes.Status403Forbidden);
        });

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Read, policy => policy.AddRequirements(new ReadRequirement()))
            .AddPolicy(Policies.Admin, policy => policy.RequireAssertion(context => Actor.From(context.User).IsAdmin));
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, ReadRequirementHandler>();
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, SignInRevalidator>();

        services.AddSingleton<ApiTokens>();
        services.AddSingleton<UserAccounts>();
        services.AddSingleton<SetupLink>();
        services.AddHostedService<SetupLinkAnnouncer>();
        services.AddExceptionHandler<ActionRefusedExceptionHandler>();
        services.AddStateChangingRateLimit(builder.Configuration.GetSection(LimitsOptions.SectionName).Get<LimitsOptions>() ?? new LimitsOptions());
    }

    /// <summary>Pages redirect to the sign-in page; the API answers 401 or 403 (a script cannot follow a login form).</summary>
    private static Task RedirectOrStatus(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/openapi"))
        {
            context.Response.StatusCode = status;
            if (status == StatusCodes.Status401Unauthorized)
            {
                context.Response.Headers.WWWAuthenticate = "Bearer";
            }
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }
}
