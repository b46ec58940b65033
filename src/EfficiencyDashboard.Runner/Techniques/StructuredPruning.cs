using EfficiencyDashboard.Core.Catalog;

namespace EfficiencyDashboard.Runner.Techniques;

/// <summary>
/// The pruned-structured technique: removes a fraction of whole channels, attention heads and feed-forward
/// neurons, chosen by smallest L1 weight magnitude, and rewires the graph so the variant really is smaller:
/// hidden channels between convolutions (ResNet blocks' inner channels, MobileNetV2's expansion channels),
/// whole self-attention heads (BERT-style graphs) and the hidden neurons of feed-forward blocks and MLPs.
/// Layers whose width is fixed by a residual addition or the model's outputs are left intact.
/// </summary>
/// <remarks>Without fine-tuning afterwards, accuracy drops; the fidelity measurement says by how much.</remarks>
public static class StructuredPruning
{
    /// <summary>Prunes the parent.</summary>
    /// <param name="parent">A serialised float32 ModelProto.</param>
    /// <param name="ratio">Fraction of each prunable group's channels, heads or neurons to remove, in (0, 1).</param>
    /// <param name="sequenceLength">Tokens per sample for counting a text model's MACs.</param>
    /// <exception cref="TechniqueNotApplicableException">The graph has none of the supported patterns.</exception>
    public static TechniqueResult Apply(byte[] parent, double ratio = 0.3, int sequenceLength = 128)
    {
        if (!(ratio is > 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(ratio), ratio, "The pruning ratio must be between 0 and 1 (exclusive).");
        }

        var graph = new ModelGraph(parent);
        var heads = AttentionHeadPruning.Find(graph);
        var feedForward = FeedForwardPruning.Find(graph);
        var convs = ConvChannelPruning.Find(graph);
        if (heads.Count + feedForward.Count + convs.Count == 0)
        {
            throw new TechniqueNotApplicableException(
                "pruned-structured found nothing it can prune without changing the model's interface: no Conv -> activation -> Conv " +
                "hidden channels (ResNet, MobileNetV2 blocks), no BERT-style attention heads and no MatMul -> activation -> MatMul " +
                "feed-forward block. Use pruned-unstructured for this topology.");
        }

        var removed = new Dictionary<string, (long Before, long After)>
        {
            ["attention heads"] = Sum(heads.Select(h => h.Prune(graph, ratio))),
            ["feed-forward neurons"] = Sum(feedForward.Select(f => f.Prune(graph, ratio))),
            ["conv channels"] = Sum(convs.Select(c => c.Prune(graph, ratio))),
        };

        graph.RemoveUnusedInitializers();
        // Recorded intermediate shapes now have the old widths; ONNX Runtime infers them again.
        graph.Graph.ValueInfo.Clear();
        var bytes = graph.ToBytes();
        var before = ModelCost.Measure(parent, sequenceLength);
        ModelCost after;
        try
        {
            after = ModelCost.Measure(bytes, sequenceLength);
        }
        catch (TechniqueNotApplicableException ex)
        {
            throw new TechniqueNotApplicableException($"The pruned graph does not run, so this topology is not supported: {ex.Message}", ex);
        }

        var groups = new[] { ("attention heads", heads.Count, "attention blocks"), ("feed-forward neurons", feedForward.Count, "feed-forward blocks"), ("conv channels", convs.Count, "conv chains") }
            .Where(g => g.Item2 > 0)
            .Select(g => $"{removed[g.Item1].Before - removed[g.Item1].After} of {removed[g.Item1].Before} {g.Item1} in {g.Item2} {g.Item3}");
        var description =
            $"Removed {string.Join(", ", groups)} ({ratio * 100:0.#}% of each, smallest L1 weight first). " +
            $"Parameters {before.Parameters:N0} -> {after.Parameters:N0} ({Change(before.Parameters, after.Parameters)}), " +
            $"MACs per sample {before.MacsPerSample:N0} -> {after.MacsPerSample:N0} ({Change(before.MacsPerSample, after.MacsPerSample)}). " +
            "Not fine-tuned afterwards.";
        return new TechniqueResult(Technique.PrunedStructured, bytes, description, new Dictionary<string, long>
        {
            ["attentionHeadsBefore"] = removed["attention heads"].Before,
            ["attentionHeadsAfter"] = removed["attention heads"].After,
            ["feedForwardNeuronsBefore"] = removed["feed-forward neurons"].Before,
            ["feedForwardNeuronsAfter"] = removed["feed-forward neurons"].After,
            ["convChannelsBefore"] = removed["conv channels"].Before,
            ["convChannelsAfter"] = removed["conv channels"].After,
            ["parametersBefore"] = before.Parameters,
            ["parametersAfter"] = after.Parameters,
            ["macsPerSampleBefore"] = before.MacsPerSample,
            ["macsPerSampleAfter"] = after.MacsPerSample,
        });
    }

    private static (long Before, long After) Sum(IEnumerable<(int Before, int After)> changes) =>
        changes.Aggregate((0L, 0L), (total, c) => (total.Item1 + c.Before, total.Item2 + c.After));

    private static string Change(long before, long after) => before == 0 ? "n/a" : $"{(after - before) / (double)before:+0.0%;-0.0%}";
}
