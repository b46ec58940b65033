using System.Globalization;

namespace EfficiencyDashboard.Runner.Telemetry;

/// <summary>A Linux CPU list such as "0-3,8,10-11" (as in /proc/*/status Cpus_allowed_list and taskset -c).</summary>
public static class CpuList
{
    /// <summary>The CPUs in <paramref name="text"/>, ascending and distinct.</summary>
    /// <exception cref="FormatException">The text is not a CPU list.</exception>
    public static int[] Parse(string text)
    {
        var cpus = new SortedSet<int>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var range = part.Split('-');
            var first = int.Parse(range[0], NumberStyles.None, CultureInfo.InvariantCulture);
            var last = range.Length == 2 ? int.Parse(range[1], NumberStyles.None, CultureInfo.InvariantCulture) : first;
            if (range.Length > 2 || last < first)
            {
                throw new FormatException($"'{part}' is not a CPU or a range of CPUs.");
            }

            for (var cpu = first; cpu <= last; cpu++)
            {
                cpus.Add(cpu);
            }
        }

        return [.. cpus];
    }

    /// <summary>The shortest list naming <paramref name="cpus"/>: consecutive CPUs become ranges ("0-3,8").</summary>
    public static string Format(IEnumerable<int> cpus)
    {
        var sorted = cpus.Distinct().Order().ToArray();
        var parts = new List<string>();
        for (var i = 0; i < sorted.Length;)
        {
            var j = i;
            while (j + 1 < sorted.Length && sorted[j + 1] == sorted[j] + 1)
            {
                j++;
            }

            parts.Add(i == j ? sorted[i].ToString(CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{sorted[i]}-{sorted[j]}"));
            i = j + 1;
        }

        return string.Join(',', parts);
    }
}
