using EfficiencyDashboard.Runner.Telemetry;

namespace EfficiencyDashboard.Runner.Tests.Telemetry;

public sealed class RaplEnergyMeterTests
{
    [Fact]
    public void Sums_the_package_zones_only()
    {
        using var powercap = new FakePowercap(packages: 2);
        var window = new RaplEnergyMeter(powercap.Root).Start();
        powercap.SetEnergy("intel-rapl:0", 3_000_000);
        powercap.SetEnergy("intel-rapl:1", 1_500_000);
        powercap.SetEnergy("intel-rapl:0:0", 900_000_000);
        powercap.SetEnergy("intel-rapl:2", 900_000_000);

        var reading = window.Stop();

        Assert.Equal(2.5, reading.EnergyJ!.Value, 1e-9);
        Assert.Equal(2, reading.Packages);
        Assert.Contains("intel-rapl:0, intel-rapl:1", reading.Note);
    }

    [Fact]
    public void A_counter_that_wrapped_is_corrected_with_its_range()
    {
        using var powercap = new FakePowercap(packages: 1);
        powercap.SetEnergy("intel-rapl:0", FakePowercap.MaxRangeUj - 1_000_000);
        var window = new RaplEnergyMeter(powercap.Root).Start();
        powercap.SetEnergy("intel-rapl:0", 2_000_000);

        Assert.Equal(3.0, window.Stop().EnergyJ!.Value, 1e-9);
    }

    [Fact]
    public void A_missing_powercap_tree_is_not_readable_with_the_reason()
    {
        var reading = new RaplEnergyMeter("/nonexistent/powercap").Probe();

        Assert.Null(reading.EnergyJ);
        Assert.Equal("not readable: /nonexistent/powercap does not exist (no RAPL powercap driver, or a VM or container without it).", reading.Note);
    }

    [Fact]
    public void This_machine_either_reads_rapl_or_says_why_not()
    {
        var reading = new RaplEnergyMeter().Probe();

        if (reading.EnergyJ is null)
        {
            Assert.StartsWith("not readable: ", reading.Note);
        }
        else
        {
            Assert.True(reading.EnergyJ >= 0);
            Assert.True(reading.Packages >= 1);
        }
    }
}
