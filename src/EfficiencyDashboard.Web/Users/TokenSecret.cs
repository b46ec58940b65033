using System.Security.Cryptography;
using System.Text;

namespace EfficiencyDashboard.Web.Users;

/// <summary>Makes token and setup-link secrets and the hashes stored in their place.</summary>
public static class TokenSecret
{
    /// <summary>Recognisable in logs and secret scanners, like GitHub's ghp_.</summary>
    public const string TokenPrefix = "edt_";

    public static string New(string prefix = TokenPrefix) =>
        prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>SHA-256, hex. The secrets carry 256 random bits, so a slow password hash would add nothing.</summary>
    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>Compares hashes in constant time.</summary>
    public static bool Matches(string secret, string hash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(secret)), Encoding.ASCII.GetBytes(hash));
}
