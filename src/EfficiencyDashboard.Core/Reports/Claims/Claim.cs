namespace EfficiencyDashboard.Core.Reports.Claims;

/// <summary>A statement from an article about an efficiency gain, as a factor range to check against evidence.</summary>
/// <param name="Id">Stable id (<c>algorithm-quantization</c>), used in URLs and exports.</param>
/// <param name="Text">The claim in the article's words.</param>
/// <param name="Topic">What the claim credits the gain to.</param>
/// <param name="ClaimedLow">Low end of the claimed gain, as a factor (2 for "2-3x"; 3 for "rose 200%").</param>
/// <param name="ClaimedHigh">High end of the claimed gain; equal to <paramref name="ClaimedLow"/> for a single figure.</param>
/// <param name="Source">Where the claim was made.</param>
public sealed record Claim(string Id, string Text, ClaimTopic Topic, double ClaimedLow, double ClaimedHigh, string Source = Claim.TheArticle)
{
    /// <summary>The source of the claims this product was born from.</summary>
    public const string TheArticle = "the article";

    /// <summary>The claimed range as a page shows it: <c>2-3x</c>, or <c>3x</c> for a single figure.</summary>
    public string ClaimedRange => ClaimedLow == ClaimedHigh
        ? FormattableString.Invariant($"{ClaimedLow:0.##}x")
        : FormattableString.Invariant($"{ClaimedLow:0.##}-{ClaimedHigh:0.##}x");
}
