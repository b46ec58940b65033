using EfficiencyDashboard.Core.ReferenceData;

namespace EfficiencyDashboard.Core.Tests.Reference;

/// <summary>The reference data shipped under data/reference, loaded once for all tests.</summary>
internal static class ShippedReferenceData
{
    public static string Directory { get; } = FindDirectory();

    private static readonly Lazy<ReferenceDataSet> Loaded = new(() => ReferenceDataSet.Load(FindDirectory()));

    public static ReferenceDataSet Data => Loaded.Value;

    private static string FindDirectory()
    {
        // Tests run from bin/<config>/<tfm>; the data lives at the repository root.
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "data", "reference");
            if (File.Exists(Path.Combine(candidate, ReferenceDataSet.AcceleratorsFile)))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("data/reference not found above " + AppContext.BaseDirectory);
    }
}
