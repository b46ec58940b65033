using System.Globalization;
using System.Text.RegularExpressions;

namespace EfficiencyDashboard.Runner.Telemetry;

/// <summary>
/// CPU package energy from the Linux powercap interface (RAPL on Intel and AMD): each package zone
/// <c>intel-rapl:N</c> has a microjoule counter <c>energy_uj</c> that wraps at <c>max_energy_range_uj</c>.
/// <see cref="Start"/> reads the counters and returns the window whose <see cref="RaplEnergyWindow.Stop"/> reads them
/// again. Where they are missing or unreadable (no driver, a VM or container, or Linux 5.10+ limiting them to
/// root) the reading says "not readable" and why. One meter serves concurrent measurements.
/// </summary>
/// <param name="powercapRoot">The powercap directory; tests point it at a fake tree.</param>
public sealed partial class RaplEnergyMeter(string powercapRoot)
{
    /// <summary>Where Linux exposes powercap zones.</summary>
    public const string DefaultRoot = "/sys/class/powercap";

    /// <summary>A meter over this machine's powercap zones.</summary>
    public RaplEnergyMeter()
        : this(DefaultRoot)
    {
    }

    /// <summary>Reads every package counter now; the window's <see cref="RaplEnergyWindow.Stop"/> gives the energy since.</summary>
    public RaplEnergyWindow Start()
    {
        try
        {
            if (!Directory.Exists(powercapRoot))
            {
                return RaplEnergyWindow.Unreadable($"not readable: {powercapRoot} does not exist (no RAPL powercap driver, or a VM or container without it).");
            }

            var packages = Directory.GetDirectories(powercapRoot)
                .Where(d => PackageZoneName().IsMatch(Path.GetFileName(d)))
                .Where(d => ReadName(d).StartsWith("package", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal)
                .ToArray();
            if (packages.Length == 0)
            {
                return RaplEnergyWindow.Unreadable($"not readable: {powercapRoot} has no intel-rapl package zone.");
            }

            return new RaplEnergyWindow([.. packages.Select(d => new RaplEnergyWindow.Zone(d, ReadMicrojoules(d, "max_energy_range_uj"), ReadMicrojoules(d, "energy_uj")))]);
        }
        catch (UnauthorizedAccessException ex)
        {
            return RaplEnergyWindow.Unreadable($"not readable: permission denied ({ex.Message}); since Linux 5.10 energy_uj is readable by root only.");
        }
        catch (Exception ex) when (ex is IOException or FormatException or OverflowException)
        {
            return RaplEnergyWindow.Unreadable($"not readable: {ex.Message}");
        }
    }

    /// <summary>Whether RAPL can be read here, and if not why: a start and an immediate stop.</summary>
    public RaplReading Probe() => Start().Stop();

    internal static ulong ReadMicrojoules(string zone, string file) =>
        ulong.Parse(File.ReadAllText(Path.Combine(zone, file)).Trim(), CultureInfo.InvariantCulture);

    private static string ReadName(string zone)
    {
        var file = Path.Combine(zone, "name");
        return File.Exists(file) ? File.ReadAllText(file).Trim() : "";
    }

    [GeneratedRegex(@"^intel-rapl:\d+$")]
    private static partial Regex PackageZoneName();
}
