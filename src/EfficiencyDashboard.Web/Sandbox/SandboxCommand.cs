using System.Globalization;
using System.Text.Json;
using EfficiencyDashboard.Core.Catalog;
using EfficiencyDashboard.Runner.Analysis;
using EfficiencyDashboard.Runner.Execution;
using EfficiencyDashboard.Runner.Fidelity;
using EfficiencyDashboard.Runner.Inputs;
using EfficiencyDashboard.Runner.Techniques;
using EfficiencyDashboard.Web.Hosting;
using EfficiencyDashboard.Web.Models;

namespace EfficiencyDashboard.Web.Sandbox;

/// <summary>
/// The child side of a sandbox: <c>sandbox analyze|variant request.json result.json</c>. It does the one piece of
/// ONNX work asked, writes the outcome as JSON and exits; its parent watches its memory and time. Phases go to standard
/// output as <c>phase: ...</c> lines. It exits when its parent dies, so a killed worker leaves no build behind.
/// </summary>
internal static class SandboxCommand
{
    public const string Verb = "sandbox";
    public const string PhasePrefix = "phase: ";

    private const int CalibrationBatches = 4;
    private const int ComparisonBatches = 4;

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<int> RunAsync(string kind, string requestPath, string resultPath, TextWriter error)
    {
        ExitWithParent();
        try
        {
            var request = await File.ReadAllTextAsync(requestPath);
            var outcome = kind switch
            {
                ModelAnalysisRequest.Kind => Serialize(Analyze(JsonSerializer.Deserialize<ModelAnalysisRequest>(request, Json)!)),
                VariantBuildRequest.Kind => Serialize(Build(JsonSerializer.Deserialize<VariantBuildRequest>(request, Json)!)),
                _ => null,
            };
            if (outcome is null)
            {
                await error.WriteLineAsync($"Unknown sandbox work '{kind}'.");
                return 2;
            }

            await File.WriteAllTextAsync(resultPath, outcome);
            return 0;
        }
        catch (Exception ex)
        {
            await error.WriteLineAsync(ex.ToString());
            return 1;
        }
    }

    private static SandboxOutcome<ModelFacts> Analyze(ModelAnalysisRequest request)
    {
        try
        {
            var analysis = ModelAnalyzer.Analyze(File.ReadAllBytes(request.ModelPath), 1, request.InputShapes);
            return new(ModelFacts.From(analysis));
        }
        catch (DynamicDimensionException ex)
        {
            return new(null, ex.Message, ModelAnalysisRequest.DynamicDimension);
        }
        catch (RunnerException ex)
        {
            return new(null, ex.Message, ModelAnalysisRequest.NotRunnable);
        }
    }

    private static SandboxOutcome<VariantBuildResult> Build(VariantBuildRequest request)
    {
        try
        {
            Phase("applying the technique");
            var parent = File.ReadAllBytes(request.ParentPath);
            var samples = CalibrationSet.For(parent, CalibrationBatches + ComparisonBatches, request.BatchSize, request.Calibration);
            var calibration = new CalibrationSet(samples.Kind, [.. samples.Batches.Take(CalibrationBatches)]);
            var comparison = new CalibrationSet(samples.Kind, [.. samples.Batches.Skip(CalibrationBatches)]);
            var technique = TechniqueExtensions.Parse(request.Technique)
                ?? throw new ArgumentException($"'{request.Technique}' is not a technique.");
            var result = VariantTransform.Apply(technique, parent, OptionsFor(request.Parameters, calibration));

            Phase("analysing the variant");
            Directory.CreateDirectory(Path.GetDirectoryName(request.OutputPath)!);
            File.WriteAllBytes(request.OutputPath, result.Model);
            var analysis = ModelAnalyzer.Analyze(result.Model, 1, request.DefaultInputShapes);

            Phase("measuring fidelity to the parent");
            var fidelity = FidelityMeter.Compare(parent, result.Model, comparison, request.InputsDescription);
            return new(new VariantBuildResult(result.Description, ModelFacts.From(analysis), fidelity, result.Model.LongLength));
        }
        catch (Exception ex) when (ex is TechniqueNotApplicableException or FidelityException or RunnerException or ArgumentException)
        {
            return new(null, ex.Message, VariantBuildRequest.NotApplicable);
        }
    }

    private static VariantOptions OptionsFor(Dictionary<string, string> parameters, CalibrationSet calibration)
    {
        double Number(string key, double fallback) =>
            parameters.TryGetValue(key, out var text) ? double.Parse(text, CultureInfo.InvariantCulture) : fallback;

        var percentile = parameters.GetValueOrDefault("calibration") == "percentile";
        return new VariantOptions(
            Ratio: Number("ratio", 0.3),
            Calibration: calibration,
            StaticQuantization: new StaticQuantizationOptions(percentile ? CalibrationMethod.Percentile : CalibrationMethod.MinMax, Number("percentile", 99.99)));
    }

    private static string Serialize<T>(SandboxOutcome<T> outcome) where T : class => JsonSerializer.Serialize(outcome, Json);

    private static void Phase(string text) => Console.Out.WriteLine(PhasePrefix + text);

    /// <summary>A child outliving its parent would hold memory and cores nobody watches.</summary>
    private static void ExitWithParent()
    {
        var parent = Signals.ParentProcessId();
        new Thread(() =>
        {
            while (true)
            {
                Thread.Sleep(500);
                if (Signals.ParentProcessId() != parent)
                {
                    Environment.Exit(3);
                }
            }
        })
        { IsBackground = true, Name = "sandbox parent watch" }.Start();
    }
}
