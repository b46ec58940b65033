namespace EfficiencyDashboard.Runner.Telemetry;

/// <summary>The RAPL counters read at the start of one measured window; <see cref="Stop"/> reads them again.</summary>
/// <remarks>A counter that wraps more than once between the two reads (minutes at full power) cannot be detected.</remarks>
public sealed class RaplEnergyWindow
{
    private readonly IReadOnlyList<Zone> _zones;
    private readonly string? _unreadable;

    internal RaplEnergyWindow(IReadOnlyList<Zone> zones) => _zones = zones;

    private RaplEnergyWindow(string unreadable)
    {
        _zones = [];
        _unreadable = unreadable;
    }

    /// <summary>The package energy since the window started, corrected for counter wraparound.</summary>
    public RaplReading Stop()
    {
        if (_unreadable is not null)
        {
            return new RaplReading(null, 0, _unreadable);
        }

        try
        {
            var microjoules = 0.0;
            foreach (var zone in _zones)
            {
                var end = RaplEnergyMeter.ReadMicrojoules(zone.Directory, "energy_uj");
                // The counter restarts from zero after max_energy_range_uj.
                microjoules += end >= zone.StartUj ? end - zone.StartUj : end + zone.MaxRangeUj - zone.StartUj;
            }

            var names = string.Join(", ", _zones.Select(z => Path.GetFileName(z.Directory)));
            return new RaplReading(microjoules / 1e6, _zones.Count, $"RAPL package energy delta of {names}; it counts every process on the CPU.");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or OverflowException)
        {
            return new RaplReading(null, 0, $"not readable: {ex.Message}");
        }
    }

    internal static RaplEnergyWindow Unreadable(string reason) => new(reason);

    internal sealed record Zone(string Directory, ulong MaxRangeUj, ulong StartUj);
}
