using System.Globalization;
using System.Text.RegularExpressions;

namespace EfficiencyDashboard.Core.ReferenceData;

/// <summary>
/// An accelerator name read as model, form factor and memory, so that the spellings of datasheets and of MLPerf
/// submitters can be compared: <c>NVIDIA H100-SXM5-80GB</c> and <c>H100 SXM 80GB</c> read alike.
/// </summary>
/// <param name="Model">The model in lower case (<c>h100</c>, <c>mi300x</c>); null when the name has none.</param>
/// <param name="FormFactor"><c>sxm</c> (any generation), <c>pcie</c> or <c>nvl</c>; null when the name does not say.</param>
/// <param name="MemoryGb">Memory named in the name (<c>80GB</c>); null when it does not say.</param>
/// <param name="IsSlice">A partition of an accelerator (MIG instance), not a whole one.</param>
/// <param name="IsComposite">Several accelerator kinds in one name (a mixed system).</param>
/// <param name="UnrecognisedWords">Words that are none of the above nor a known harmless qualifier; any makes a match unsure.</param>
public sealed partial record AcceleratorName(
    string? Model,
    string? FormFactor,
    int? MemoryGb,
    bool IsSlice,
    bool IsComposite,
    IReadOnlyList<string> UnrecognisedWords)
{
    // Brand and marketing words that do not tell accelerators apart.
    private static readonly HashSet<string> BrandWords = ["nvidia", "amd", "tesla", "instinct", "virtualized"];

    // Qualifiers that do not change which accelerator it is: cooling (CTS), memory kind, AMD partition mode.
    private static readonly HashSet<string> HarmlessQualifiers = ["cts", "hbm2", "hbm2e", "hbm3", "hbm3e", "nps1", "spx"];

    /// <summary>Whether the name is clear enough to match: a model, a whole accelerator, nothing unrecognised.</summary>
    public bool IsClear => Model is not null && !IsSlice && !IsComposite && UnrecognisedWords.Count == 0;

    /// <summary>Reads a name. Never fails: what it cannot read ends up in <see cref="UnrecognisedWords"/>.</summary>
    public static AcceleratorName Parse(string name)
    {
        var text = name.Trim().ToLowerInvariant();
        var isComposite = text.Contains(',');
        var unrecognised = new List<string>();
        var isSlice = false;

        foreach (Match qualifier in Parenthesised().Matches(text))
        {
            if (qualifier.Value.Contains("mig", StringComparison.Ordinal))
            {
                isSlice = true;
            }
            else
            {
                unrecognised.Add(qualifier.Value);
            }
        }

        string? model = null, formFactor = null;
        int? memoryGb = null;
        foreach (var word in WordSeparators().Split(Parenthesised().Replace(text, " ")).Where(w => w.Length > 0))
        {
            if (BrandWords.Contains(word) || HarmlessQualifiers.Contains(word) || PowerLimit().IsMatch(word))
            {
                continue;
            }

            if (word == "mig")
            {
                isSlice = true;
            }
            else if (word.StartsWith("sxm", StringComparison.Ordinal) && word[3..].All(char.IsAsciiDigit))
            {
                formFactor = "sxm";
            }
            else if (word is "pcie" or "nvl")
            {
                formFactor = word;
            }
            else if (Memory().Match(word) is { Success: true } memory)
            {
                memoryGb = int.Parse(memory.Groups[1].Value, CultureInfo.InvariantCulture);
            }
            else if (model is null)
            {
                model = word;
            }
            else
            {
                unrecognised.Add(word);
            }
        }

        return new AcceleratorName(model, formFactor, memoryGb, isSlice, isComposite, unrecognised);
    }

    [GeneratedRegex(@"\([^)]*\)")]
    private static partial Regex Parenthesised();

    [GeneratedRegex(@"[\s\-_/]+")]
    private static partial Regex WordSeparators();

    [GeneratedRegex(@"^(\d+)gb$")]
    private static partial Regex Memory();

    [GeneratedRegex(@"^\d+w$")]
    private static partial Regex PowerLimit();
}
