using EfficiencyDashboard.Core.Catalog;
using EfficiencyDashboard.Core.Reports;
using EfficiencyDashboard.Core.Runs;
using EfficiencyDashboard.Web.Reports;
using EfficiencyDashboard.Web.Reports.DecompositionReport;

namespace EfficiencyDashboard.Web.Tests.Reports;

[Collection(AlgorithmReportCollection.Name)]
public sealed class DecompositionReportTests(AlgorithmReportFixture data)
{
    [Fact]
    public async Task ResNet18_to_int8_MobileNetV2_measures_six_cells_and_names_the_two_missing_ones()
    {
        await using var db = await data.CreateDbContextAsync();
        var request = new DecompositionRequest(
            new DecompositionConfiguration(data.HardwareId, ExecutionProvider.Cpu, null, data.ResNetId),
            new DecompositionConfiguration(data.HardwareId, ExecutionProvider.Cpu, Technique.Int8Static, data.MobileNetId),
            BatchSize: 1, Scenario: Scenario.SingleStream, Runs: RunSelection.IncludeInvalid);

        var report = await DecompositionReportData.LoadAsync(db, request);

        var provenance = report.Cells.ToDictionary(c => c.Combination.Code, c => c.Cell.Provenance);
        Assert.Equal(ProvenanceKind.Missing, provenance["010"]);
        Assert.Equal(ProvenanceKind.Missing, provenance["110"]);
        Assert.All(["000", "001", "011", "100", "101", "111"], code => Assert.Equal(ProvenanceKind.Measured, provenance[code]));
        Assert.Equal(2, report.Cells.Single(c => c.Combination.Code == "000").Runs);
        Assert.Contains("/variants", report.Cells.Single(c => c.Combination.Code == "010").HowToMeasure);
        var decomposition = report.Decomposition!;
        Assert.False(decomposition.IsComplete);
        Assert.Empty(decomposition.Factors);
        Assert.Equal(Cell(report, "111") / Cell(report, "000"), decomposition.TotalGain!.Value, 9);
    }

    [Fact]
    public async Task MobileNetV2_to_its_int8_variant_is_complete_and_the_factors_multiply_to_the_total()
    {
        await using var db = await data.CreateDbContextAsync();
        var request = DecompositionRequest.Parse(
            $"{data.HardwareId}:cpu:none:{data.MobileNetId}", $"{data.HardwareId}:cpu:int8-static:{data.MobileNetId}", 1, "single-stream", null, "include");

        var report = await DecompositionReportData.LoadAsync(db, request);

        var decomposition = report.Decomposition!;
        Assert.True(decomposition.IsComplete);
        Assert.All(report.Cells, c => Assert.Equal(ProvenanceKind.Measured, c.Cell.Provenance));
        Assert.Equal(1.0, decomposition.For(DecompositionFactor.Hardware)!.Gain, 9);
        Assert.Equal(1.0, decomposition.For(DecompositionFactor.Architecture)!.Gain, 9);
        Assert.Equal(decomposition.TotalGain!.Value, decomposition.Factors.Aggregate(1.0, (p, f) => p * f.Gain), 9);
        Assert.Equal(decomposition.TotalGain.Value, decomposition.For(DecompositionFactor.Algorithm)!.Gain, 9);
    }

    [Fact]
    public async Task Valid_runs_only_by_default_so_the_short_fixture_runs_fill_no_cell()
    {
        await using var db = await data.CreateDbContextAsync();
        var request = DecompositionRequest.Parse(
            $"{data.HardwareId}:cpu:none:{data.MobileNetId}", $"{data.HardwareId}:cpu:int8-static:{data.MobileNetId}", 1, "single-stream", null);

        var report = await DecompositionReportData.LoadAsync(db, request);

        Assert.All(report.Cells, c => Assert.Equal(ProvenanceKind.Missing, c.Cell.Provenance));
        Assert.All(report.Cells, c => Assert.Contains("only VALID runs count here", c.HowToMeasure));
    }

    [Fact]
    public async Task Samples_per_joule_never_fills_a_cell_without_measured_energy()
    {
        await using var db = await data.CreateDbContextAsync();
        var request = DecompositionRequest.Parse(
            $"{data.HardwareId}:cpu:none:{data.ResNetId}", $"{data.HardwareId}:cpu:int8-static:{data.MobileNetId}", 1, null, "samples-per-joule", "include");

        var report = await DecompositionReportData.LoadAsync(db, request);

        Assert.All(report.Cells, c => Assert.True(c.Cell.Provenance != ProvenanceKind.Reference));
        Assert.All(report.Cells.Where(c => c.Cell.Provenance == ProvenanceKind.Missing), c => Assert.False(string.IsNullOrEmpty(c.HowToMeasure)));
    }

    private static double Cell(DecompositionReportData report, string code) =>
        report.Cells.Single(c => c.Combination.Code == code).Cell.Efficiency!.Value;
}
