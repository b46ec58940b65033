using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;

namespace EfficiencyDashboard.Web.Users;

/// <summary>
/// State changes to the API made with the sign-in cookie must prove they come from this site: a custom header (which a
/// plain HTML form cannot send, and another site's script cannot send without a CORS grant this app never gives) or an
/// antiforgery token in a header. Requests with an API token carry no cookie risk and pass.
/// </summary>
public sealed class CrossSiteRequestProtection(RequestDelegate next, IAntiforgery antiforgery, IProblemDetailsService problems)
{
    /// <summary>Any value will do, e.g. <c>X-Requested-With: fetch</c>.</summary>
    public const string HeaderName = "X-Requested-With";

    public async Task InvokeAsync(HttpContext context)
    {
        if (!NeedsProof(context) || await HasProofAsync(context))
        {
            await next(context);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status403Forbidden,
                Title = "Cross-site request refused; nothing was changed.",
                Detail = $"A state change made with the sign-in cookie needs the '{HeaderName}' header or an antiforgery token " +
                    "(scripts: use an API token as 'Authorization: Bearer ...' instead).",
            },
        });
    }

    private static bool NeedsProof(HttpContext context) =>
        !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method) &&
        !HttpMethods.IsOptions(context.Request.Method) && !HttpMethods.IsTrace(context.Request.Method) &&
        context.Request.Path.StartsWithSegments("/api") &&
        !ApiTokenAuthenticationHandler.HasBearer(context.Request) &&
        context.User.Identity?.IsAuthenticated == true;

    private async Task<bool> HasProofAsync(HttpContext context)
    {
        if (!string.IsNullOrWhiteSpace(context.Request.Headers[HeaderName]))
        {
            return true;
        }

        // Only a header token: reading a form here would buffer an upload before anyone checked it.
        return context.Request.Headers.ContainsKey("RequestVerificationToken") && await antiforgery.IsRequestValidAsync(context);
    }
}
