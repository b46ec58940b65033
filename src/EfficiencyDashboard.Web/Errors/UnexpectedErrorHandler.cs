using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace EfficiencyDashboard.Web.Errors;

/// <summary>The last exception handler: a 500 problem that names a correlation id, never the exception; the log keeps it.</summary>
public sealed class UnexpectedErrorHandler(IProblemDetailsService problems, ILogger<UnexpectedErrorHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var correlationId = UserMessages.NewCorrelationId();
        logger.LogError(exception, "{Method} {Path} failed (correlation id {CorrelationId})", httpContext.Request.Method, httpContext.Request.Path, correlationId);
        httpContext.Response.StatusCode = StatusCodes.Status500InternalServerError;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = "Something went wrong on the server.",
                Detail = UserMessages.WithCorrelation("The request failed", correlationId),
                Extensions = { ["correlationId"] = correlationId },
            },
        });
    }
}
