using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace EfficiencyDashboard.Web.Limits;

/// <summary>
/// ASP.NET Core's rate limiter over every state-changing request, per user (or per address when signed out): reads are
/// never limited, and the Blazor circuit's own traffic is not a request a user makes.
/// </summary>
public static class StateChangingRateLimit
{
    public static void AddStateChangingRateLimit(this IServiceCollection services, LimitsOptions limits)
    {
        services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                IsStateChanging(context.Request)
                    ? RateLimitPartition.GetFixedWindowLimiter(PartitionOf(context), _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = limits.StateChangingRequestsPerWindow,
                        Window = limits.RateLimitWindow,
                        QueueLimit = 0,
                    })
                    : RateLimitPartition.GetNoLimiter("reads"));
            options.OnRejected = WriteRejectionAsync;
        });
    }

    private static bool IsStateChanging(HttpRequest request) =>
        !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method)) &&
        !request.Path.StartsWithSegments("/_blazor");

    private static string PartitionOf(HttpContext context) =>
        context.User.Identity is { IsAuthenticated: true, Name: { } name } ? $"user:{name}" : $"address:{context.Connection.RemoteIpAddress}";

    private static async ValueTask WriteRejectionAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many changes in a short time; nothing was changed.",
                Detail = $"Try again in {seconds} s (Limits:StateChangingRequestsPerWindow per Limits:RateLimitWindow).",
            },
        });
    }
}
