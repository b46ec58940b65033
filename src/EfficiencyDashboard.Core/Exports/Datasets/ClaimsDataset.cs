using static EfficiencyDashboard.Core.Exports.ColumnType;
using static EfficiencyDashboard.Core.Exports.ValueOrigin;

namespace EfficiencyDashboard.Core.Exports.Datasets;

/// <summary>The article's claims with their verdicts, one row per piece of evidence (a claim without evidence has one row).</summary>
public static class ClaimsDataset
{
    public static ExportDataset Definition { get; } = new(
        "claims",
        "Each claim of the article, its verdict (supported, contradicted, not-enough-evidence) and every piece of evidence " +
        "(measured runs or reference figures), one row per piece of evidence. Computed when downloaded.",
        [
            new("claim_id", Text, null, "The claim's id.", Reference, ""),
            new("claim_text", Text, null, "What the article says.", Reference, ""),
            new("topic", Text, null, "Hardware, Algorithm, Architecture or Overall.", Reference, ""),
            new("claimed_low", Real, "x", "The low end of the claimed factor.", Reference, ""),
            new("claimed_high", Real, "x", "The high end of the claimed factor.", Reference, ""),
            new("verdict", Text, null, "supported, contradicted or not-enough-evidence.", Derived, ""),
            new("reason", Text, null, "Why, in one sentence.", Derived, ""),
            new("evidence_low", Real, "x", "The low end of all evidence combined.", Derived, "", Nullable: true),
            new("evidence_high", Real, "x", "The high end of all evidence combined.", Derived, "", Nullable: true),
            new("measured_factor", Real, "x", "The measured factor on this install, where there is one.", Measured, "", Nullable: true),
            new("measured_rule", Text, null, "Which runs are compared for this claim, or why none can be.", Derived, ""),
            new("evidence_provenance", Text, null, "measured or reference; empty when the claim has no evidence.", Derived, "", Nullable: true),
            new("evidence_factor", Real, "x", "This piece of evidence's factor.", Derived, "", Nullable: true),
            new("evidence_ci_low", Real, "x", "Its 95% confidence interval, low end.", Derived, "", Nullable: true),
            new("evidence_ci_high", Real, "x", "Its 95% confidence interval, high end.", Derived, "", Nullable: true),
            new("evidence_description", Text, null, "What the evidence is.", Derived, "", Nullable: true),
            new("evidence_sources", Text, null, "Reference sources, separated by '; '.", Reference, "", Nullable: true),
            new("evidence_run_ids", Text, null, "Measured run ids, separated by ' '.", Measured, "", Nullable: true),
            new("as_of", Timestamp, "UTC", "The date the verdicts were computed for.", Derived, ""),
            new("reference_data_version", Text, null, "SHA-256 of the reference files the evidence comes from.", Provenance, ""),
        ],
        "",
        "",
        new Dictionary<ExportFilterField, string>(),
        Computed: true);
}
