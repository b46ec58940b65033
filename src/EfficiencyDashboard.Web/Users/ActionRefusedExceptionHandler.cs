using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace EfficiencyDashboard.Web.Users;

/// <summary>Turns a refused action into problem details: 401, 403, 409 or 429 with the reason.</summary>
public sealed class ActionRefusedExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not ActionRefusedException refused)
        {
            return false;
        }

        httpContext.Response.StatusCode = refused.StatusCode;
        if (refused.Reason == Refusal.SignInRequired)
        {
            httpContext.Response.Headers.WWWAuthenticate = "Bearer";
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = new ProblemDetails
            {
                Status = refused.StatusCode,
                Title = refused.Reason switch
                {
                    Refusal.SignInRequired => "Sign in first; nothing was changed.",
                    Refusal.NotAllowed => "Your roles do not allow this; nothing was changed.",
                    Refusal.QueueFull => "Your queue of runs is full; nothing was queued.",
                    _ => "This is already running; nothing was started.",
                },
                Detail = refused.Message,
            },
        });
    }
}
