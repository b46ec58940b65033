using EfficiencyDashboard.Core.Reports;

namespace EfficiencyDashboard.Web.Reports.HardwareReport;

/// <summary>A datasheet figure of every catalog accelerator against its announcement date, with a fitted doubling time.</summary>
/// <param name="Metric">What is plotted (<c>Peak FP16 tensor TFLOPS (dense)</c>).</param>
/// <param name="Points">One per accelerator that has the figure, oldest first.</param>
/// <param name="DoublingTime">Least-squares fit of log2(value) against years; null when there are too few points.</param>
/// <param name="FittedLine">The fitted line at the first and last announcement dates, for drawing; empty without a fit.</param>
public sealed record SpecTrend(string Metric, IReadOnlyList<SpecPoint> Points, DoublingTime? DoublingTime, IReadOnlyList<DatedValue> FittedLine)
{
    private const double DaysPerYear = 365.2425;

    /// <summary>Fits the points (every accelerator with a positive figure; at least <see cref="DoublingTime.MinimumPoints"/>).</summary>
    public static SpecTrend Fit(string metric, IReadOnlyList<SpecPoint> points)
    {
        var usable = points.Where(p => p.Value > 0).OrderBy(p => p.AnnouncedMonth).ToList();
        if (usable.Count < Core.Reports.DoublingTime.MinimumPoints || usable.Select(p => p.AnnouncedMonth).Distinct().Count() < 2)
        {
            return new SpecTrend(metric, usable, null, []);
        }

        var dated = usable.Select(p => new DatedValue(p.AnnouncedMonth, p.Value, p.Accelerator)).ToList();
        var fit = Core.Reports.DoublingTime.Fit(dated);

        // DoublingTime gives the slope only; the least-squares line passes through the mean of (years, log2 value).
        var slope = Math.Log2(fit.AnnualGrowthFactor);
        var years = dated.Select(p => YearsSince(fit.From, p.Date)).ToList();
        var intercept = dated.Average(p => Math.Log2(p.Value)) - slope * years.Average();
        DatedValue At(DateOnly date) => new(date, Math.Pow(2, intercept + slope * YearsSince(fit.From, date)), "least-squares fit");
        return new SpecTrend(metric, usable, fit, [At(fit.From), At(fit.To)]);
    }

    private static double YearsSince(DateOnly first, DateOnly date) => (date.DayNumber - first.DayNumber) / DaysPerYear;
}
