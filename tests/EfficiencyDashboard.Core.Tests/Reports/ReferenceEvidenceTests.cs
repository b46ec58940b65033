using EfficiencyDashboard.Core.Reports.Claims;
using EfficiencyDashboard.Core.Tests.Reference;

namespace EfficiencyDashboard.Core.Tests.Reports;

public sealed class ReferenceEvidenceTests
{
    private static readonly DateOnly LatestRound = new(2024, 8, 28);

    // What the shipped reference data alone says of each claim; a change to the data that flips a verdict should be seen.
    [Theory]
    [InlineData("overall-two-years", ClaimVerdict.Contradicted)]
    [InlineData("hardware-gpu-table", ClaimVerdict.Contradicted)]
    [InlineData("algorithm-quantization", ClaimVerdict.Supported)]
    [InlineData("algorithm-pruning", ClaimVerdict.NotEnoughEvidence)]
    [InlineData("algorithm-distillation", ClaimVerdict.Contradicted)]
    [InlineData("architecture-transformer", ClaimVerdict.NotEnoughEvidence)]
    [InlineData("architecture-resnet", ClaimVerdict.NotEnoughEvidence)]
    [InlineData("architecture-mobilenet", ClaimVerdict.NotEnoughEvidence)]
    public void Reference_data_alone_gives_each_claim_its_verdict(string claimId, ClaimVerdict expected)
    {
        var claim = ArticleClaims.All.Single(c => c.Id == claimId);

        var evaluation = ClaimEvaluator.Evaluate(claim, ReferenceEvidence.For(claim, ShippedReferenceData.Data, LatestRound));

        Assert.Equal(expected, evaluation.Verdict);
        Assert.All(evaluation.Evidence, e => Assert.NotEmpty(e.ProvenanceIds));
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
