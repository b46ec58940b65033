namespace EfficiencyDashboard.Core.Reports;

/// <summary>
/// One of the 2^3 configurations of a decomposition: for each factor, whether it is at the target setting (true) or
/// the baseline one (false). Written as three digits, hardware, algorithm, architecture: <c>000</c> is the baseline,
/// <c>111</c> the target, <c>100</c> the baseline with the target hardware.
/// </summary>
public readonly record struct FactorCombination(bool Hardware, bool Algorithm, bool Architecture)
{
    /// <summary>Every factor at its baseline setting.</summary>
    public static FactorCombination Baseline => new(false, false, false);

    /// <summary>Every factor at its target setting.</summary>
    public static FactorCombination Target => new(true, true, true);

    /// <summary>The eight combinations, 000 to 111.</summary>
    public static IReadOnlyList<FactorCombination> All { get; } =
        Enumerable.Range(0, 8).Select(i => new FactorCombination((i & 4) != 0, (i & 2) != 0, (i & 1) != 0)).ToList();

    /// <summary>The three digits, hardware first.</summary>
    public string Code => $"{Digit(Hardware)}{Digit(Algorithm)}{Digit(Architecture)}";

    /// <summary>How many factors are at their target setting.</summary>
    public int TargetCount => (Hardware ? 1 : 0) + (Algorithm ? 1 : 0) + (Architecture ? 1 : 0);

    /// <summary>Reads three digits such as <c>101</c>.</summary>
    public static FactorCombination Parse(string code)
    {
        if (code.Length != 3 || code.Any(c => c is not ('0' or '1')))
        {
            throw new FormatException($"'{code}' is not three digits 0 or 1 (hardware, algorithm, architecture).");
        }

        return new FactorCombination(code[0] == '1', code[1] == '1', code[2] == '1');
    }

    /// <summary>Whether <paramref name="factor"/> is at its target setting.</summary>
    public bool Has(DecompositionFactor factor) => factor switch
    {
        DecompositionFactor.Hardware => Hardware,
        DecompositionFactor.Algorithm => Algorithm,
        _ => Architecture,
    };

    /// <summary>This combination with <paramref name="factor"/> moved to its target setting.</summary>
    public FactorCombination With(DecompositionFactor factor) => factor switch
    {
        DecompositionFactor.Hardware => this with { Hardware = true },
        DecompositionFactor.Algorithm => this with { Algorithm = true },
        _ => this with { Architecture = true },
    };

    /// <inheritdoc />
    public override string ToString() => Code;

    private static char Digit(bool atTarget) => atTarget ? '1' : '0';
}
