using EfficiencyDashboard.Core.ReferenceData;

namespace EfficiencyDashboard.Core.Reports.Claims;

/// <summary>The reference evidence (public figures only, no measured runs) for each of the article's claims.</summary>
public static class ReferenceEvidence
{
    /// <summary>The benchmarks whose two-year MLPerf gains bear on the overall claim.</summary>
    public static IReadOnlyList<string> OverallBenchmarks { get; } = ["resnet50", "bert-99"];

    /// <summary>
    /// Reference evidence for <paramref name="claim"/>, at <paramref name="asOf"/> for figures that change over time.
    /// Overall: MLPerf two-year gains (resnet50 and bert-99 Offline, closed, data-centre; per-accelerator throughput and
    /// system samples per joule, scaled to exactly two years). These hold the model fixed, so they measure hardware and
    /// software stack, not algorithms or architectures. Hardware (GPU table): the datasheets of the table's own end
    /// points, V100 to H100, scaled to two years, and published hardware trends. Quantization and distillation: the
    /// published figures of <see cref="PublishedFigures"/>. Transformers: the CPU inference times one paper gives for an
    /// LSTM encoder and Transformers on the same task (the DistilBERT paper's Table 3), as speed-ups over the LSTM. Other
    /// claims: none yet (model MAC counts are compute, not efficiency, and are not used as evidence).
    /// </summary>
    public static IReadOnlyList<Evidence> For(Claim claim, ReferenceDataSet data, DateOnly asOf) => claim.Id switch
    {
        var id when id == ArticleClaims.OverallTwoYears.Id => Overall(data, asOf),
        var id when id == ArticleClaims.GpuTable.Id => [.. Datasheets(data.Accelerators), .. PublishedFigures.HardwareTrends],
        var id when id == ArticleClaims.Quantization.Id => PublishedFigures.Quantization,
        var id when id == ArticleClaims.Distillation.Id => PublishedFigures.Distillation,
        var id when id == ArticleClaims.Transformer.Id => TransformerTimes(data.Architectures),
        _ => [],
    };

    /// <summary>
    /// Published CPU inference time of the oldest text encoder with one (ELMo) over each newer one's from the same source:
    /// how much faster the Transformer answers the same workload.
    /// </summary>
    private static List<Evidence> TransformerTimes(IReadOnlyList<PublishedArchitecture> architectures)
    {
        var timed = architectures.Where(a => a.Task == "text embedding" && a.CpuInferenceSeconds is > 0).OrderBy(a => a.PublishedMonth).ToList();
        if (timed.Count < 2)
        {
            return [];
        }

        var oldest = timed[0];
        return [.. timed.Skip(1).Where(a => a.CpuInferenceSource == oldest.CpuInferenceSource).Select(a => new Evidence(
            oldest.CpuInferenceSeconds!.Value / a.CpuInferenceSeconds!.Value, null, null, ProvenanceKind.Reference, [a.CpuInferenceSource],
            FormattableString.Invariant($"{a.Architecture} against {oldest.Architecture}, published CPU inference time: {oldest.CpuInferenceSeconds:0.#} s / {a.CpuInferenceSeconds:0.#} s.")))];
    }

    private static List<Evidence> Overall(ReferenceDataSet data, DateOnly asOf)
    {
        var trends = new MlperfTrends(data);
        var evidence = new List<Evidence>();
        foreach (var benchmark in OverallBenchmarks)
        {
            var gain = trends.TwoYearGain(new MlperfSelection(benchmark), asOf);
            foreach (var comparison in new[] { gain.Throughput, gain.SamplesPerJoule })
            {
                if (comparison is { GainPerTwoYears: { } factor, Current: { } current, Earlier: { } earlier })
                {
                    evidence.Add(new Evidence(factor, null, null, ProvenanceKind.Reference,
                        [current.ProvenanceId, earlier.ProvenanceId], $"MLPerf {benchmark}: {comparison.Description}"));
                }
            }
        }

        return evidence;
    }

    private static List<Evidence> Datasheets(AcceleratorCatalog catalog)
    {
        var checks = GpuTableClaim.Check(catalog);
        var first = checks[0].Datasheet;
        var last = checks[^1].Datasheet;
        if (first is null || last is null)
        {
            return [];
        }

        var years = (last.AnnouncedMonth.DayNumber - first.AnnouncedMonth.DayNumber) / 365.2425;
        var evidence = new List<Evidence>();
        foreach (var (name, pick) in new (string, Func<AcceleratorSpec, double?>)[] { ("FP32", a => a.Fp32Tflops), ("FP16 tensor (dense)", a => a.Fp16TensorTflopsDense) })
        {
            if (pick(first) is { } from && pick(last) is { } to && years > 0)
            {
                var perTwoYears = Math.Pow(to / from, 2 / years);
                evidence.Add(new Evidence(perTwoYears, null, null, ProvenanceKind.Reference, [first.Source, last.Source],
                    FormattableString.Invariant(
                        $"Datasheets, {name} peak: {first.Accelerator} {from:0.##} ({first.Announced}) to {last.Accelerator} {to:0.##} ({last.Announced}), {to / from:0.00}x in {years:0.0} years, {perTwoYears:0.00}x per two years.")));
            }
        }

        return evidence;
    }
}
