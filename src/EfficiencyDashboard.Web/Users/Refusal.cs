namespace EfficiencyDashboard.Web.Users;

/// <summary>Why the product refused an action; each maps to one HTTP status.</summary>
public enum Refusal
{
    /// <summary>401: nobody is signed in.</summary>
    SignInRequired,

    /// <summary>403: the user's roles (or the token's scopes) do not allow it.</summary>
    NotAllowed,

    /// <summary>429: the user's queue of runs is full.</summary>
    QueueFull,

    /// <summary>409: the same suite is still running.</summary>
    AlreadyRunning,
}
