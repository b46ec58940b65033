using System.Globalization;

namespace EfficiencyDashboard.Web.Placement;

/// <summary>A set of logical cores, written as Linux writes them: <c>2-15</c>, <c>0,2,4-7</c>.</summary>
public sealed class CpuSet : IEquatable<CpuSet>
{
    private CpuSet(IEnumerable<int> cores) => Cores = [.. cores.Distinct().Order()];

    /// <summary>The cores, ascending.</summary>
    public IReadOnlyList<int> Cores { get; }

    public int Count => Cores.Count;

    public static CpuSet Of(IEnumerable<int> cores) => new(cores);

    /// <summary>Parses <paramref name="text"/>; on failure the error says what is wrong with it.</summary>
    public static (CpuSet? Set, string? Error) Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, "The core list is empty.");
        }

        var cores = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            var bounds = part.Split('-', StringSplitOptions.TrimEntries);
            if (bounds.Length is 0 or > 2 || !bounds.All(IsCore))
            {
                return (null, $"'{part}' is not a core number or a range such as 2-15.");
            }

            var first = int.Parse(bounds[0], CultureInfo.InvariantCulture);
            var last = int.Parse(bounds[^1], CultureInfo.InvariantCulture);
            if (last < first)
            {
                return (null, $"The range '{part}' ends before it starts.");
            }

            if (last >= 1024)
            {
                return (null, $"Core {last} is beyond the 1024 cores Linux affinity masks address here.");
            }

            cores.AddRange(Enumerable.Range(first, last - first + 1));
        }

        return (new CpuSet(cores), null);
    }

    public bool Contains(int core) => Cores.Contains(core);

    public CpuSet Except(CpuSet other) => new(Cores.Where(c => !other.Contains(c)));

    public bool IsSubsetOf(CpuSet other) => Cores.All(other.Contains);

    /// <summary>The compact form: consecutive cores as ranges.</summary>
    public override string ToString()
    {
        var parts = new List<string>();
        for (var i = 0; i < Cores.Count;)
        {
            var j = i;
            while (j + 1 < Cores.Count && Cores[j + 1] == Cores[j] + 1)
            {
                j++;
            }

            parts.Add(i == j ? Cores[i].ToString(CultureInfo.InvariantCulture) : $"{Cores[i]}-{Cores[j]}");
            i = j + 1;
        }

        return string.Join(',', parts);
    }

    public bool Equals(CpuSet? other) => other is not null && Cores.SequenceEqual(other.Cores);

    public override bool Equals(object? obj) => Equals(obj as CpuSet);

    public override int GetHashCode() => ToString().GetHashCode(StringComparison.Ordinal);

    private static bool IsCore(string text) => text.Length > 0 && text.All(char.IsAsciiDigit) && text.Length <= 6;
}
