namespace EfficiencyDashboard.Core.Reports.Aggregates;

/// <summary>Count, sum and sum of squares of the logarithms of positive figures: enough for a geometric mean and its spread.</summary>
public readonly record struct LogMoments(int Count, double Sum, double SumOfSquares)
{
    /// <summary>The moments of one positive figure.</summary>
    public static LogMoments Of(double value)
    {
        var log = Math.Log(value);
        return new LogMoments(1, log, log * log);
    }

    /// <summary>Mean of the logarithms; ln of the geometric mean.</summary>
    public double Mean => Count == 0 ? double.NaN : Sum / Count;

    /// <summary>The geometric mean of the figures.</summary>
    public double GeometricMean => Math.Exp(Mean);

    /// <summary>Sample variance of the logarithms (n - 1 denominator); 0 below two figures.</summary>
    public double Variance => Count < 2 ? 0 : Math.Max(0, (SumOfSquares - Sum * Sum / Count) / (Count - 1));

    public static LogMoments operator +(LogMoments a, LogMoments b) => new(a.Count + b.Count, a.Sum + b.Sum, a.SumOfSquares + b.SumOfSquares);
}
