namespace EfficiencyDashboard.Runner.Inputs;

/// <summary>Where a calibration set's data comes from.</summary>
/// <param name="VocabPath">The model's vocab.txt; required for text models.</param>
/// <param name="SentencesPath">One sentence per line (data/sentences.txt); required for text models.</param>
/// <param name="SequenceLength">Tokens per sentence for text models.</param>
/// <param name="Normalization">Pixel normalisation for image models; ImageNet's when null.</param>
public sealed record CalibrationOptions(
    string? VocabPath = null, string? SentencesPath = null, int SequenceLength = 128, ImageNormalization? Normalization = null);
