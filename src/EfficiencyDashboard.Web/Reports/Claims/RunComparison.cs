namespace EfficiencyDashboard.Web.Reports.Claims;

/// <summary>Runs of a baseline and a target model in one setup, paired by a claim's rule.</summary>
/// <param name="Baseline">Runs of the baseline (parent, teacher, ResNet-50).</param>
/// <param name="Target">Runs of the target (variant, student, MobileNet).</param>
public sealed record RunComparison(IReadOnlyList<MeasuredRun> Baseline, IReadOnlyList<MeasuredRun> Target)
{
    /// <summary>The comparison in words: target against baseline, and the setup they share.</summary>
    public string Describe() =>
        $"{Target[0].Model.Name} against {Baseline[0].Model.Name} ({Target[0].DescribeSetup()})";
}
