namespace EfficiencyDashboard.Core.Reports;

/// <summary>
/// How fast a series of figures grows: a least-squares line through log2(value) against time in years
/// (days / 365.2425). Its slope is doublings per year.
/// </summary>
/// <param name="Years">Doubling time = 1 / slope, in years; negative when the series shrinks (halving time); null when flat.</param>
/// <param name="AnnualGrowthFactor">2^slope: the factor the fitted line grows by each year (1.41 = +41%/yr).</param>
/// <param name="RSquared">Share of the variance of log2(value) the line explains (1 when the values do not vary).</param>
/// <param name="PointCount">Points in the fit.</param>
/// <param name="From">Earliest date in the fit.</param>
/// <param name="To">Latest date in the fit.</param>
public sealed record DoublingTime(double? Years, double AnnualGrowthFactor, double RSquared, int PointCount, DateOnly From, DateOnly To)
{
    /// <summary>Fewest points a fit accepts: two points always fit a line exactly, so they say nothing of the trend's quality.</summary>
    public const int MinimumPoints = 3;

    private const double DaysPerYear = 365.2425;

    /// <summary>Fits the series.</summary>
    /// <exception cref="ArgumentException">Fewer than three points, all on one date, or a value that is not positive.</exception>
    public static DoublingTime Fit(IReadOnlyList<DatedValue> points)
    {
        if (points.Count < MinimumPoints)
        {
            throw new ArgumentException($"A doubling time needs at least {MinimumPoints} points; got {points.Count}.", nameof(points));
        }

        if (points.Any(p => !(p.Value > 0) || !double.IsFinite(p.Value)))
        {
            throw new ArgumentException("Every value must be positive and finite.", nameof(points));
        }

        var first = points.Min(p => p.Date);
        var x = points.Select(p => (p.Date.DayNumber - first.DayNumber) / DaysPerYear).ToArray();
        var y = points.Select(p => Math.Log2(p.Value)).ToArray();
        double meanX = x.Average(), meanY = y.Average();
        double sxx = 0, sxy = 0, syy = 0;
        for (var i = 0; i < x.Length; i++)
        {
            sxx += (x[i] - meanX) * (x[i] - meanX);
            sxy += (x[i] - meanX) * (y[i] - meanY);
            syy += (y[i] - meanY) * (y[i] - meanY);
        }

        if (sxx == 0)
        {
            throw new ArgumentException("The points must span more than one date.", nameof(points));
        }

        var slope = sxy / sxx;

        // With a least-squares line, explained variance = slope x sxy; syy = 0 means every value is the same.
        var rSquared = syy == 0 ? 1 : Math.Clamp(slope * sxy / syy, 0, 1);
        return new DoublingTime(slope == 0 ? null : 1 / slope, Math.Pow(2, slope), rSquared, points.Count, first, points.Max(p => p.Date));
    }
}
