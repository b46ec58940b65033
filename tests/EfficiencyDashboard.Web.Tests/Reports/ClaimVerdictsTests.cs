using EfficiencyDashboard.Core.Catalog;
using EfficiencyDashboard.Core.Reports;
using EfficiencyDashboard.Core.Reports.Claims;
using EfficiencyDashboard.Core.Runs;
using EfficiencyDashboard.Web.Exports;
using EfficiencyDashboard.Web.Reports;
using EfficiencyDashboard.Web.Reports.Claims;

namespace EfficiencyDashboard.Web.Tests.Reports;

/// <summary>
/// The overview's verdicts on hand-made evidence stored the way the runner stores results (per-setting aggregates included):
/// every branch of the rule, the weighting, like-with-like architecture pairs, CPU and GPU apart, VALID runs by default.
/// </summary>
public sealed class ClaimVerdictsTests : IAsyncLifetime
{
    private readonly HandMadeDatabase _database = new();

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task Quantization_that_holds_for_transformers_and_not_for_cnns_is_mixed_and_names_both_groups()
    {
        await using (var db = _database.CreateDbContext())
        {
            var evidence = new HandMadeEvidence(db);
            var host = await evidence.MachineAsync("host");
            var bert = await evidence.ModelAsync("BERT", ModelFamily.Transformer, "text embedding");
            var bertInt8 = await evidence.ModelAsync("BERT int8", ModelFamily.Transformer, "text embedding", parentId: bert, technique: Technique.Int8Dynamic);
            var resnet = await evidence.ModelAsync("ResNet", ModelFamily.ResNet);
            var resnetInt8 = await evidence.ModelAsync("ResNet int8", ModelFamily.ResNet, parentId: resnet, technique: Technique.Int8Static);
            await evidence.RunsAsync(bert, host, [100, 101, 99]);
            await evidence.RunsAsync(bertInt8, host, [250, 252, 249]);
            await evidence.RunsAsync(resnet, host, [100, 102, 98]);
            await evidence.RunsAsync(resnetInt8, host, [110, 111, 109]);
        }

        var claim = await ClaimAsync(ArticleClaims.Quantization.Id);

        Assert.Equal(ClaimVerdict.Mixed, claim.Verdict);
        Assert.StartsWith("Holds for int8 Transformer on CPU (Hand-made CPU (host)), batch 1; not for int8 ResNet on CPU (Hand-made CPU (host)), batch 1 (below).", claim.Reason);
        Assert.Equal(2, claim.Groups.Count);
        Assert.Equal(ClaimVerdict.Supported, claim.Groups.Single(g => g.Family == ModelFamily.Transformer).Verdict);
        Assert.Equal(ClaimVerdict.ContradictedBelow, claim.Groups.Single(g => g.Family == ModelFamily.ResNet).Verdict);
        Assert.All(claim.Groups, g => Assert.True(g.Estimate.HasInterval));
        Assert.Equal("Covers the CPU only: no GPU run bears on it.", claim.Coverage);
        Assert.Null(claim.Hardware.Single(h => h.Kind == "GPU").Estimate);
    }

    [Fact]
    public async Task Ten_runs_of_one_model_do_not_outweigh_one_run_each_of_three_models()
    {
        await using (var db = _database.CreateDbContext())
        {
            var evidence = new HandMadeEvidence(db);
            var host = await evidence.MachineAsync("host");
            var parents = new List<int>();
            foreach (var (name, factor, runs) in new[] { ("A", 3.0, 10), ("B", 1.5, 1), ("C", 1.5, 1), ("D", 1.5, 1) })
            {
                var parent = await evidence.ModelAsync(name, ModelFamily.ResNet);
                var pruned = await evidence.ModelAsync($"{name} pruned", ModelFamily.ResNet, parentId: parent, technique: Technique.PrunedStructured);
                await evidence.RunsAsync(parent, host, Enumerable.Range(0, runs).Select(i => 100.0 + i));
                await evidence.RunsAsync(pruned, host, Enumerable.Range(0, runs).Select(i => factor * (100.0 + i)));
                parents.Add(parent);
            }
        }

        var claim = await ClaimAsync(ArticleClaims.Pruning.Id);

        // Each model and setting once: (3 x 1.5 x 1.5 x 1.5)^(1/4) = 1.78, not the 2.5 that weighing every run would give.
        Assert.Equal(4, claim.Estimate!.Units);
        Assert.Equal(Math.Pow(3 * 1.5 * 1.5 * 1.5, 0.25), claim.Estimate.Factor, 6);
        Assert.Equal(ProvenanceKind.Measured, claim.EstimateFrom);
        Assert.Equal(ClaimVerdict.Supported, claim.Verdict);
    }

    [Fact]
    public async Task One_run_each_is_not_enough_and_the_page_proposes_a_second_run_of_each_side()
    {
        await using (var db = _database.CreateDbContext())
        {
            var evidence = new HandMadeEvidence(db);
            var host = await evidence.MachineAsync("host");
            var teacher = await evidence.ModelAsync("Teacher", ModelFamily.Transformer, "text embedding");
            var student = await evidence.ModelAsync("Student", ModelFamily.Transformer, "text embedding", teacherId: teacher, technique: Technique.Distilled);
            await evidence.RunsAsync(teacher, host, [100]);
            await evidence.RunsAsync(student, host, [130]);
        }

        var claim = await ClaimAsync(ArticleClaims.Distillation.Id);

        Assert.Equal(ClaimVerdict.NotEnoughEvidence, claim.Verdict);
        Assert.Contains("has no interval", claim.Reason);
        Assert.Equal(["Student", "Teacher"], claim.SettlingRuns.Select(r => r.Model).Order());
        Assert.All(claim.SettlingRuns, r => Assert.Equal((1, "cpu", 1), (r.Count, r.Provider, r.BatchSize)));
        var measured = Assert.Single(claim.Evidence, e => e.Provenance == ProvenanceKind.Measured);
        Assert.Null(measured.CiLow);
        Assert.Contains(GainEstimate.NoIntervalFromOneRun, measured.Method);
    }

    [Fact]
    public async Task Mobilenet_is_compared_like_with_like_and_the_more_accurate_resnet50_is_shown_as_throughput_only()
    {
        await using (var db = _database.CreateDbContext())
        {
            var evidence = new HandMadeEvidence(db);
            var host = await evidence.MachineAsync("host");
            var gpu = await evidence.MachineAsync("gpu-host", "NVIDIA H100-SXM5-80GB");
            // Keys tie each row to its published ImageNet top-1: MobileNetV2 71.9, ResNet-50 76.1 (more accurate), AlexNet 56.5.
            var mobileNet = await evidence.ModelAsync("MobileNetV2", ModelFamily.MobileNet, key: "mobilenetv2-1.0-generated");
            var resNet50 = await evidence.ModelAsync("ResNet-50", ModelFamily.ResNet, key: "resnet50-generated");
            var alexNet = await evidence.ModelAsync("AlexNet", ModelFamily.ConvNet, key: "alexnet-generated");
            await evidence.RunsAsync(mobileNet, host, [400, 404, 396]);
            await evidence.RunsAsync(resNet50, host, [100, 99, 101]);
            await evidence.RunsAsync(alexNet, host, [800, 790, 810]);
            await evidence.RunsAsync(mobileNet, gpu, [4000, 4040], ExecutionProvider.Cuda);
            await evidence.RunsAsync(alexNet, gpu, [8000, 8100], ExecutionProvider.Cuda);
            // A Server run is never a throughput comparison, and INVALID runs stay out unless switched in.
            await evidence.RunsAsync(mobileNet, host, [10_000], scenario: Scenario.Server);
            await evidence.RunsAsync(alexNet, host, [1], scenario: Scenario.Server);
            await evidence.RunsAsync(mobileNet, host, [40_000, 41_000], valid: false);
        }

        var claim = await ClaimAsync(ArticleClaims.MobileNet.Id);

        var counted = claim.Evidence.Where(e => e.Provenance == ProvenanceKind.Measured && e.Counted).ToList();
        Assert.Equal(2, counted.Count);
        Assert.All(counted, e => Assert.Contains("against AlexNet", e.Description));
        var throughputOnly = Assert.Single(claim.Evidence, e => !e.Counted && e.Provenance == ProvenanceKind.Measured);
        Assert.Contains("ResNet-50 is more accurate (76.13 against 71.88 ImageNet top-1 (%), reference)", throughputOnly.Note);
        Assert.Equal(4, throughputOnly.Factor, 1);
        Assert.Equal(ClaimVerdict.ContradictedBelow, claim.Verdict);
        Assert.Null(claim.Coverage);
        Assert.Equal(["CPU", "GPU"], claim.Hardware.Where(h => h.Estimate is not null).Select(h => h.Kind));
        Assert.DoesNotContain(claim.Evidence, e => e.Description.Contains("server", StringComparison.Ordinal));

        var withInvalid = (await new ClaimsReport(_database, TimeProvider.System).BuildAsync(RunSelection.IncludeInvalid))
            .Claims.Single(c => c.Id == ArticleClaims.MobileNet.Id);
        Assert.Contains(withInvalid.Evidence, e => e.InvalidRuns == 2);
        Assert.NotEqual(claim.Estimate!.Factor, withInvalid.Estimate!.Factor);
    }

    [Fact]
    public async Task The_claims_export_carries_each_claims_groups_and_hardware_rows()
    {
        await using (var db = _database.CreateDbContext())
        {
            var evidence = new HandMadeEvidence(db);
            var host = await evidence.MachineAsync("host");
            var bert = await evidence.ModelAsync("BERT", ModelFamily.Transformer, "text embedding");
            var int8 = await evidence.ModelAsync("BERT int8", ModelFamily.Transformer, "text embedding", parentId: bert, technique: Technique.Int8Dynamic);
            await evidence.RunsAsync(bert, host, [100, 101]);
            await evidence.RunsAsync(int8, host, [220, 221]);
        }

        await using var reader = await ClaimsRows.ReadAsync(new ClaimsReport(_database, TimeProvider.System), CancellationToken.None);
        var rows = new List<Dictionary<string, object>>();
        while (await reader.ReadAsync())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, reader.GetValue));
        }

        var quantization = rows.Where(r => (string)r["claim_id"] == ArticleClaims.Quantization.Id).ToList();
        var group = Assert.Single(quantization, r => (string)r["row_kind"] == "group");
        Assert.Equal(("int8", "Transformer", 1L, "supported"), ((string)group["precision"], (string)group["family"], (long)group["batch_size"], (string)group["row_verdict"]));
        Assert.Equal(2.2, (double)group["row_factor"], 1);
        Assert.Equal(["CPU", "GPU"], quantization.Where(r => (string)r["row_kind"] == "hardware").Select(r => (string)r["hardware"]));
        Assert.Single(quantization, r => (string)r["row_kind"] == "claim");
        Assert.Equal(8, rows.Count(r => (string)r["row_kind"] == "claim"));
    }

    private async Task<ClaimReport> ClaimAsync(string id) =>
        (await new ClaimsReport(_database, TimeProvider.System).BuildAsync()).Claims.Single(c => c.Id == id);
}
