namespace EfficiencyDashboard.Core.Users;

/// <summary>
/// A bearer token for scripts. Only a hash of its secret is stored; it acts for its user with the scopes it was given,
/// never beyond the roles the user holds now.
/// </summary>
public sealed class ApiToken
{
    public int Id { get; set; }

    public required string UserId { get; set; }

    public DashboardUser? User { get; set; }

    /// <summary>What the owner calls it, for example "nightly export".</summary>
    public required string Name { get; set; }

    /// <summary>SHA-256 of the secret, hex: the secret is random (256 bits), so a fast hash cannot be reversed.</summary>
    public required string SecretHash { get; set; }

    /// <summary>The secret's first characters, so an owner can tell tokens apart without the secret.</summary>
    public required string Prefix { get; set; }

    /// <summary>Role names the token may act with (viewer, engineer, analyst, admin).</summary>
    public List<string> Scopes { get; set; } = [];

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>After this instant the token is refused; null for a token that never expires.</summary>
    public DateTime? ExpiresAtUtc { get; set; }

    /// <summary>When the token last authenticated a request (updated at most once a minute).</summary>
    public DateTime? LastUsedAtUtc { get; set; }

    public DateTime? RevokedAtUtc { get; set; }

    /// <summary>Who revoked it.</summary>
    public string? RevokedBy { get; set; }

    public bool IsActiveAt(DateTime nowUtc) => RevokedAtUtc is null && (ExpiresAtUtc is null || ExpiresAtUtc > nowUtc);
}
