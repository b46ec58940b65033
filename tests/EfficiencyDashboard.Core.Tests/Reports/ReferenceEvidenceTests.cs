using EfficiencyDashboard.Core.Reports.Claims;
using EfficiencyDashboard.Core.Tests.Reference;

namespace EfficiencyDashboard.Core.Tests.Reports;

public sealed class ReferenceEvidenceTests
{
    private static readonly DateOnly LatestRound = new(2024, 8, 28);

    // What the shipped reference data alone says of each claim, pooled by the verdict rule (each published figure once);
    // a change to the data that flips a verdict should be seen.
    [Theory]
    [InlineData("overall-two-years", ClaimVerdict.ContradictedBelow)]
    [InlineData("hardware-gpu-table", ClaimVerdict.ContradictedBelow)]
    [InlineData("algorithm-quantization", ClaimVerdict.NotEnoughEvidence)]
    [InlineData("algorithm-pruning", ClaimVerdict.NotEnoughEvidence)]
    [InlineData("algorithm-distillation", ClaimVerdict.NotEnoughEvidence)]
    [InlineData("architecture-transformer", ClaimVerdict.Supported)]
    [InlineData("architecture-resnet", ClaimVerdict.NotEnoughEvidence)]
    [InlineData("architecture-mobilenet", ClaimVerdict.NotEnoughEvidence)]
    public void Reference_data_alone_gives_each_claim_its_verdict(string claimId, ClaimVerdict expected)
    {
        var claim = ArticleClaims.All.Single(c => c.Id == claimId);
        var evidence = ReferenceEvidence.For(claim, ShippedReferenceData.Data, LatestRound);

        var (verdict, _) = VerdictRule.Judge(claim, CentralEstimate.Of([.. evidence.Select(e => EvidenceUnit.Published(e.Description, e.Factor))]));

        Assert.Equal(expected, verdict);
        Assert.All(evidence, e => Assert.NotEmpty(e.ProvenanceIds));
    }

    [Fact]
    public void The_transformer_evidence_is_the_distilbert_papers_cpu_times_against_elmo()
    {
        var evidence = ReferenceEvidence.For(ArticleClaims.Transformer, ShippedReferenceData.Data, LatestRound);

        // Sanh et al., arXiv 1910.01108, Table 3: ELMo 895 s, BERT-base 668 s, DistilBERT 410 s on CPU.
        Assert.Equal([895.0 / 668, 895.0 / 410], evidence.Select(e => e.Factor).Order());
        Assert.All(evidence, e => Assert.Contains("Table 3", e.ProvenanceIds[0]));
    }

    [Fact]
    public void The_overall_evidence_is_the_mlperf_two_year_gains_with_their_rounds()
    {
        var evidence = ReferenceEvidence.For(ArticleClaims.OverallTwoYears, ShippedReferenceData.Data, LatestRound);

        Assert.Equal(4, evidence.Count);
        Assert.All(evidence, e => Assert.Contains("v4.1 (2024-08-28) against v2.1 (2022-09-08)", e.Description));
        Assert.All(evidence, e => Assert.InRange(e.Factor, 0.8, 1.5));
    }
}
