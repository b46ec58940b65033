namespace EfficiencyDashboard.Web.Users;

/// <summary>
/// Thrown by the services that act (run queue, uploads, variants, suites, classification, exports, users and tokens) when
/// the actor may not do what they asked, before anything changed. The API turns it into problem details; pages show the message.
/// </summary>
public sealed class ActionRefusedException(Refusal reason, string message) : Exception(message)
{
    public Refusal Reason { get; } = reason;

    public int StatusCode => Reason switch
    {
        Refusal.SignInRequired => StatusCodes.Status401Unauthorized,
        Refusal.NotAllowed => StatusCodes.Status403Forbidden,
        Refusal.QueueFull => StatusCodes.Status429TooManyRequests,
        _ => StatusCodes.Status409Conflict,
    };
}
