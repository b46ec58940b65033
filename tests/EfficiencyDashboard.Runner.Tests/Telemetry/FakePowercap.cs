namespace EfficiencyDashboard.Runner.Tests.Telemetry;

/// <summary>A /sys/class/powercap tree in a temporary directory: package zones, a sub-zone and a psys zone.</summary>
public sealed class FakePowercap : IDisposable
{
    public const ulong MaxRangeUj = 262_143_328_850;

    public FakePowercap(int packages = 2)
    {
        Root = Directory.CreateTempSubdirectory("powercap-").FullName;
        for (var i = 0; i < packages; i++)
        {
            Zone($"intel-rapl:{i}", $"package-{i}", 1_000_000);
            Zone($"intel-rapl:{i}:0", "core", 5_000);
        }

        Zone($"intel-rapl:{packages}", "psys", 7_000);
    }

    public string Root { get; }

    /// <summary>Sets the energy counter of <paramref name="zone"/>, in microjoules.</summary>
    public void SetEnergy(string zone, ulong microjoules) => File.WriteAllText(Path.Combine(Root, zone, "energy_uj"), $"{microjoules}\n");

    public void Dispose() => Directory.Delete(Root, recursive: true);

    private void Zone(string name, string kind, ulong energyUj)
    {
        var directory = Directory.CreateDirectory(Path.Combine(Root, name)).FullName;
        File.WriteAllText(Path.Combine(directory, "name"), kind + "\n");
        File.WriteAllText(Path.Combine(directory, "max_energy_range_uj"), $"{MaxRangeUj}\n");
        SetEnergy(name, energyUj);
    }
}
