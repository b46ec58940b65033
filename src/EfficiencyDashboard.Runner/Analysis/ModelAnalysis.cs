using EfficiencyDashboard.Core.Catalog;

namespace EfficiencyDashboard.Runner.Analysis;

/// <summary>What static analysis (and one probing run on the CPU) says about an ONNX model.</summary>
/// <param name="IrVersion">The ONNX IR version of the file.</param>
/// <param name="Opset">The opset version of the default (ai.onnx) domain; 0 when the model imports none.</param>
/// <param name="OtherDomains">Other operator set domains the model imports (such as "com.microsoft"), with their versions.</param>
/// <param name="Producer">The producing tool and its version, as the file states them; empty when unstated.</param>
/// <param name="Inputs">Graph inputs (initializers excluded): name, element type, dimensions with -1 for dynamic, symbolic names.</param>
/// <param name="Outputs">Graph outputs, in the same form.</param>
/// <param name="ParameterCount">Learnable parameters, counted as <see cref="ModelBuilding.ModelParameters.CountParameters(byte[])"/> counts them.</param>
/// <param name="OperatorCounts">How many nodes of each operator type the top-level graph has.</param>
/// <param name="MacsByOperator">Multiply-accumulates per sample by operator type and precision, largest first.</param>
/// <param name="BatchSize">The batch size the model was probed at; per-sample figures are totals divided by it.</param>
/// <param name="ProbeShapes">The concrete shape fed to each input in the probing run.</param>
/// <param name="Guess">The architecture family and task the graph's structure suggests.</param>
/// <param name="Notes">Caveats on the figures, such as operators whose cost is not counted.</param>
public sealed record ModelAnalysis(
    long IrVersion,
    long Opset,
    IReadOnlyDictionary<string, long> OtherDomains,
    string Producer,
    IReadOnlyList<TensorSignature> Inputs,
    IReadOnlyList<TensorSignature> Outputs,
    long ParameterCount,
    IReadOnlyDictionary<string, int> OperatorCounts,
    IReadOnlyList<OperatorMacs> MacsByOperator,
    int BatchSize,
    IReadOnlyDictionary<string, long[]> ProbeShapes,
    ModelFamilyGuess Guess,
    IReadOnlyList<string> Notes)
{
    /// <summary>
    /// Multiply-accumulates per sample of Conv, ConvTranspose, Gemm and MatMul (attention's batched
    /// QK^T and probabilities x V included) and their integer and QLinear forms.
    /// </summary>
    public long MacsPerSample => MacsByOperator.Sum(m => m.MacsPerSample);

    /// <summary>Floating-point (or, for integer operators, integer) operations per sample: 2 x <see cref="MacsPerSample"/>.</summary>
    public long FlopsPerSample => 2 * MacsPerSample;

    /// <summary>The guessed architecture family.</summary>
    public ModelFamily Family => Guess.Family;

    /// <summary>The guessed task, such as "image classification" or "text embedding".</summary>
    public string Task => Guess.Task;
}
