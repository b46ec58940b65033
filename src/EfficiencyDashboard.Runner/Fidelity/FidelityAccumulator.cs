using EfficiencyDashboard.Core.Catalog;
using EfficiencyDashboard.Runner.Inputs;

namespace EfficiencyDashboard.Runner.Fidelity;

/// <summary>Sums the fidelity metrics over batches, so a report covers the whole calibration set.</summary>
internal sealed class FidelityAccumulator
{
    private readonly List<double> _cosines = [];
    private readonly List<float[]> _parentEmbeddings = [];
    private readonly List<float[]> _variantEmbeddings = [];
    private double _maxAbsError;
    private double _absErrorSum;
    private long _elements;
    private int _classified;
    private int _agreements;

    public void AddErrors(float[] expected, float[] actual)
    {
        for (var i = 0; i < expected.Length; i++)
        {
            var error = Math.Abs((double)expected[i] - actual[i]);
            // A NaN in the variant is the worst possible error, not one that comparisons silently skip.
            error = double.IsNaN(error) ? double.PositiveInfinity : error;
            _maxAbsError = Math.Max(_maxAbsError, error);
            _absErrorSum += error;
        }

        _elements += expected.Length;
    }

    public void AddSamples(float[] expected, float[] actual, int samples, bool classifier)
    {
        var size = expected.Length / samples;
        for (var s = 0; s < samples; s++)
        {
            var e = expected.AsSpan(s * size, size);
            var a = actual.AsSpan(s * size, size);
            _cosines.Add(SentenceEmbedding.Cosine(e, a));
            if (classifier)
            {
                _classified++;
                _agreements += ArgMax(e) == ArgMax(a) ? 1 : 0;
            }
        }
    }

    public void AddEmbeddings(float[][] parent, float[][] variant)
    {
        for (var s = 0; s < parent.Length; s++)
        {
            _cosines.Add(SentenceEmbedding.Cosine(parent[s], variant[s]));
        }

        _parentEmbeddings.AddRange(parent);
        _variantEmbeddings.AddRange(variant);
    }

    /// <summary>The fidelity measured so far, with what was compared in words.</summary>
    public FidelityReport Report(string inputs, DateTime measuredAtUtc) => new(
        _cosines.Average(),
        _maxAbsError,
        _absErrorSum / _elements,
        _classified > 0 ? _agreements / (double)_classified : null,
        _parentEmbeddings.Count >= 3 ? PairwiseRankCorrelation() : null,
        _cosines.Count,
        inputs,
        measuredAtUtc);

    private double PairwiseRankCorrelation()
    {
        var parent = new List<double>();
        var variant = new List<double>();
        for (var i = 0; i < _parentEmbeddings.Count; i++)
        {
            for (var j = i + 1; j < _parentEmbeddings.Count; j++)
            {
                parent.Add(SentenceEmbedding.Cosine(_parentEmbeddings[i], _parentEmbeddings[j]));
                variant.Add(SentenceEmbedding.Cosine(_variantEmbeddings[i], _variantEmbeddings[j]));
            }
        }

        return RankCorrelation.Spearman(parent, variant);
    }

    private static int ArgMax(ReadOnlySpan<float> values)
    {
        var best = 0;
        for (var i = 1; i < values.Length; i++)
        {
            best = values[i] > values[best] ? i : best;
        }

        return best;
    }
}
