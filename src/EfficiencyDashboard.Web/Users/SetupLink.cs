using Microsoft.Extensions.Options;

namespace EfficiencyDashboard.Web.Users;

/// <summary>
/// The one-time link that creates the first admin, so no install ever has a default password. It is issued at start
/// while no admin exists, expires, and works once; only its hash is kept.
/// </summary>
public sealed class SetupLink(UserAccounts accounts, IOptions<AuthOptions> options, TimeProvider clock)
{
    public const string Path = "/setup";

    private readonly Lock _gate = new();
    private string? _hash;
    private DateTime _expiresAtUtc;
    private bool _redeeming;

    /// <summary>Issues a new link secret (replacing any earlier one) and returns it, with its expiry.</summary>
    public (string Secret, DateTime ExpiresAtUtc) Issue()
    {
        var secret = TokenSecret.New("setup_");
        lock (_gate)
        {
            _hash = TokenSecret.Hash(secret);
            _expiresAtUtc = clock.GetUtcNow().UtcDateTime + options.Value.SetupLinkLifetime;
            return (secret, _expiresAtUtc);
        }
    }

    /// <summary>Why the link cannot be used now, or null when it can.</summary>
    public async Task<string?> RefusalAsync(string? secret, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_hash is null || string.IsNullOrEmpty(secret) || !TokenSecret.Matches(secret, _hash))
            {
                return "This setup link is not valid: it was used already, or it is not the one the server printed.";
            }

            if (clock.GetUtcNow().UtcDateTime > _expiresAtUtc)
            {
                return "This setup link has expired: restart the app for a new one, or add an admin with 'users add NAME --role admin'.";
            }
        }

        return await accounts.AnyAdminAsync(cancellationToken)
            ? "Setup is done: an admin exists already. Sign in instead."
            : null;
    }

    /// <summary>Creates the first admin and spends the link; errors say why nothing was created.</summary>
    public async Task<Dictionary<string, string[]>> RedeemAsync(string? secret, string? name, string? password, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            // Two people opening the link at once: one of them creates the admin.
            if (_redeeming)
            {
                return new() { ["token"] = ["This setup link is being used right now."] };
            }

            _redeeming = true;
        }

        try
        {
            if (await RefusalAsync(secret, cancellationToken) is { } refusal)
            {
                return new() { ["token"] = [refusal] };
            }

            if (string.IsNullOrEmpty(password))
            {
                return new() { ["password"] = ["Choose a password."] };
            }

            var (created, errors) = await accounts.CreateFirstAdminAsync(name, password, cancellationToken);
            if (created is not null)
            {
                lock (_gate)
                {
                    _hash = null;
                }
            }

            return errors;
        }
        finally
        {
            lock (_gate)
            {
                _redeeming = false;
            }
        }
    }
}
