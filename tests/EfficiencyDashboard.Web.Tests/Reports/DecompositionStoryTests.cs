using EfficiencyDashboard.Core.Catalog;
using EfficiencyDashboard.Core.Reports;
using EfficiencyDashboard.Core.Runs;
using EfficiencyDashboard.Web.Reports.DecompositionReport;

namespace EfficiencyDashboard.Web.Tests.Reports;

/// <summary>The decomposition's defaults tell a two-year story on hand-made evidence, never the least against the most efficient.</summary>
public sealed class DecompositionStoryTests : IAsyncLifetime
{
    private readonly HandMadeDatabase _database = new();

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task The_default_is_the_oldest_hardware_and_architecture_against_the_newest_with_its_best_technique()
    {
        int cpu, t4, a100, alexNet, vgg, resNet, resNetInt8;
        await using (var db = _database.CreateDbContext())
        {
            var evidence = new HandMadeEvidence(db);
            cpu = await evidence.MachineAsync("cpu-host");
            t4 = await evidence.MachineAsync("t4-host", "NVIDIA T4");
            a100 = await evidence.MachineAsync("a100-host", "NVIDIA A100-SXM4-40GB");
            alexNet = await evidence.ModelAsync("AlexNet", ModelFamily.ConvNet, key: "alexnet-generated");
            vgg = await evidence.ModelAsync("VGG-16", ModelFamily.ConvNet, key: "vgg16-generated");
            resNet = await evidence.ModelAsync("ResNet-50", ModelFamily.ResNet, key: "resnet50-generated");
            resNetInt8 = await evidence.ModelAsync("ResNet-50 int8", ModelFamily.ResNet, parentId: resNet, technique: Technique.Int8Static);
            // The least efficient configuration (VGG-16 on the CPU) and the most (AlexNet on the A100) are not the story.
            await evidence.RunsAsync(vgg, cpu, [5, 5.2]);
            await evidence.RunsAsync(alexNet, cpu, [90, 92]);
            await evidence.RunsAsync(resNet, cpu, [30, 31]);
            await evidence.RunsAsync(alexNet, t4, [2000, 2020], ExecutionProvider.Cuda);
            await evidence.RunsAsync(alexNet, a100, [9000, 9100], ExecutionProvider.Cuda);
            await evidence.RunsAsync(resNet, a100, [3000, 3050], ExecutionProvider.Cuda);
            await evidence.RunsAsync(resNetInt8, a100, [5000, 5100], ExecutionProvider.Cuda);
            await evidence.RunsAsync(resNetInt8, a100, [90_000], ExecutionProvider.Cuda, valid: false);
        }

        await using var context = _database.CreateDbContext();
        var report = await DecompositionReportData.LoadAsync(context, new DecompositionRequest());

        Assert.Equal(new DecompositionConfiguration(cpu, ExecutionProvider.Cpu, null, alexNet), report.Request.Baseline);
        Assert.Equal(new DecompositionConfiguration(a100, ExecutionProvider.Cuda, Technique.Int8Static, resNet), report.Request.Target);
        Assert.Equal((1, Scenario.SingleStream), (report.Request.BatchSize, report.Request.Scenario));
        Assert.Contains("AlexNet (2012) on Hand-made CPU (cpu-host), CPU, no technique, against ResNet-50 (2015)", report.Story);
        // Cells are geometric means of VALID runs: the INVALID 90,000 samples/s of the int8 variant is left out.
        var target = report.Cells.Single(c => c.Combination.Code == "111");
        Assert.Equal(Math.Sqrt(5000.0 * 5100), target.Cell.Efficiency!.Value, 6);
        Assert.Equal(ProvenanceKind.Measured, target.Cell.Provenance);
        Assert.Equal(ProvenanceKind.Missing, report.Cells.Single(c => c.Combination.Code == "010").Cell.Provenance);
        Assert.NotEqual(t4, report.Request.Target!.HardwareId);
        // Once the page puts the defaults into its address, the story is still told.
        Assert.Equal(report.Story, (await DecompositionReportData.LoadAsync(context, report.Request)).Story);
    }
}
