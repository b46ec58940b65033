namespace EfficiencyDashboard.Runner.Inputs;

/// <summary>The tensors for one inference: one per graph input, all with the same batch size.</summary>
/// <param name="Tensors">One tensor per graph input.</param>
public sealed record InputBatch(IReadOnlyList<InputTensor> Tensors)
{
    /// <summary>Samples in the batch (the first dimension of every tensor).</summary>
    public int BatchSize => Tensors.Count == 0 ? 0 : (int)Tensors[0].Shape[0];

    /// <summary>The tensor feeding the named input.</summary>
    public InputTensor this[string name] =>
        Tensors.FirstOrDefault(t => t.Name == name) ?? throw new KeyNotFoundException($"The batch has no input '{name}'.");
}
