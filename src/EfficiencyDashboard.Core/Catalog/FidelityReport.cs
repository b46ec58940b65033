namespace EfficiencyDashboard.Core.Catalog;

/// <summary>How closely a variant's outputs follow its parent's on the same inputs. Null where a metric does not apply.</summary>
/// <param name="CosineSimilarity">Mean cosine similarity of parent and variant outputs, per sample.</param>
/// <param name="MaxAbsoluteError">Largest absolute difference of any output value.</param>
/// <param name="MeanAbsoluteError">Mean absolute difference of output values.</param>
/// <param name="Top1Agreement">Fraction of samples whose top-1 class is the same (classifiers).</param>
/// <param name="RankCorrelation">Spearman correlation of pairwise sentence similarities (text embedders).</param>
/// <param name="Samples">How many inputs were compared.</param>
/// <param name="Inputs">What the inputs were, for example "64 procedural images, ImageNet normalisation".</param>
public sealed record FidelityReport(
    double? CosineSimilarity,
    double? MaxAbsoluteError,
    double? MeanAbsoluteError,
    double? Top1Agreement,
    double? RankCorrelation,
    int Samples,
    string Inputs,
    DateTime MeasuredAtUtc);
