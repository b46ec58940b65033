namespace EfficiencyDashboard.Runner.Fidelity;

/// <summary>
/// How closely a variant reproduces its parent's outputs on the same inputs (CPU). A metric that does not apply
/// to the model's kind is null.
/// </summary>
/// <param name="OutputName">The compared output (the parent's first).</param>
/// <param name="Samples">Samples compared.</param>
/// <param name="CosineSimilarityMean">
/// Mean over samples of the cosine similarity between parent and variant outputs: the flattened output per sample,
/// or for text embedders the mean-pooled sentence embedding. 1 means identical direction.
/// </param>
/// <param name="CosineSimilarityMin">The lowest per-sample cosine similarity.</param>
/// <param name="MaxAbsError">Largest absolute difference over every output element.</param>
/// <param name="MeanAbsError">Mean absolute difference over every output element.</param>
/// <param name="Top1Agreement">Classifiers (output [N, classes]): fraction of samples whose arg-max class is the same.</param>
/// <param name="SimilarityRankCorrelation">
/// Text embedders: Spearman rank correlation between the parent's and the variant's cosine similarities of every
/// pair of sentences, i.e. whether the variant ranks sentence pairs as the parent does.
/// </param>
public sealed record FidelityReport(
    string OutputName,
    int Samples,
    double CosineSimilarityMean,
    double CosineSimilarityMin,
    double MaxAbsError,
    double MeanAbsError,
    double? Top1Agreement,
    double? SimilarityRankCorrelation);
