using static EfficiencyDashboard.Core.Exports.ColumnType;
using static EfficiencyDashboard.Core.Exports.ValueOrigin;

namespace EfficiencyDashboard.Core.Exports.Datasets;

/// <summary>
/// The article's claims with their verdicts: per claim, one row for its pooled estimate, one per group of settings, one for the
/// CPU and one for GPUs, and one per piece of evidence (<c>row_kind</c> says which).
/// </summary>
public static class ClaimsDataset
{
    public static ExportDataset Definition { get; } = new(
        "claims",
        "Each claim of the article with its verdict (supported, contradicted-below, contradicted-above, mixed, not-enough-evidence), " +
        "its central estimate with a 95% interval, and below it one row per group of settings (hardware, provider, precision, family, " +
        "batch size), one for the CPU and one for GPUs, and one per piece of evidence (measured comparisons or reference figures). " +
        "Computed when downloaded, from VALID runs.",
        [
            new("claim_id", Text, null, "The claim's id.", Reference, ""),
            new("claim_text", Text, null, "What the article says.", Reference, ""),
            new("topic", Text, null, "Hardware, Algorithm, Architecture or Overall.", Reference, ""),
            new("claimed_low", Real, "x", "The low end of the claimed factor.", Reference, ""),
            new("claimed_high", Real, "x", "The high end of the claimed factor.", Reference, ""),
            new("verdict", Text, null, "supported, contradicted-below, contradicted-above, mixed, not-enough-evidence (or contradicted, for the GPU table's facts).", Derived, ""),
            new("reason", Text, null, "Why, naming the groups where a mixed claim holds and where not.", Derived, ""),
            new("estimate_factor", Real, "x", "The pooled central estimate: geometric mean over models-and-settings, each once.", Derived, "", Nullable: true),
            new("estimate_ci_low", Real, "x", "Its 95% interval, low end; empty without an interval.", Derived, "", Nullable: true),
            new("estimate_ci_high", Real, "x", "Its 95% interval, high end.", Derived, "", Nullable: true),
            new("estimate_from", Text, null, "measured, reference (published figures, only when nothing was measured) or missing.", Derived, ""),
            new("measured_rule", Text, null, "Which runs are compared for this claim, or why none can be.", Derived, ""),
            new("row_kind", Text, null, "claim (the pooled estimate), group, hardware (cpu or gpu) or evidence.", Derived, ""),
            new("group", Text, null, "The group of settings, in words (group rows and measured evidence rows).", Derived, "", Nullable: true),
            new("hardware", Text, null, "Group rows: the machine. Hardware rows: CPU or GPU.", Measured, "", Nullable: true),
            new("provider", Text, null, "Group rows: the execution provider as run.", Measured, "", Nullable: true),
            new("precision", Text, null, "Group rows: fp32, fp16 or int8.", Configuration, "", Nullable: true),
            new("family", Text, null, "Group rows: the target models' architecture family.", Configuration, "", Nullable: true),
            new("batch_size", Integer, "samples", "Group rows: samples per query.", Configuration, "", Nullable: true),
            new("row_factor", Real, "x", "This row's factor: the group's or hardware's estimate, or the evidence's figure.", Derived, "", Nullable: true),
            new("row_ci_low", Real, "x", "Its 95% interval, low end.", Derived, "", Nullable: true),
            new("row_ci_high", Real, "x", "Its 95% interval, high end.", Derived, "", Nullable: true),
            new("row_verdict", Text, null, "Group and hardware rows: the rule applied to that row alone.", Derived, "", Nullable: true),
            new("comparisons", Integer, "comparisons", "Group rows: counted comparisons; hardware rows: models-and-settings pooled.", Derived, "", Nullable: true),
            new("evidence_provenance", Text, null, "Evidence rows: measured or reference.", Derived, "", Nullable: true),
            new("evidence_counted", ColumnType.Boolean, null, "Evidence rows: whether the verdict counts it (throughput-only comparisons are shown, not counted).", Derived, "", Nullable: true),
            new("description", Text, null, "What the evidence is, or why it is not counted.", Derived, "", Nullable: true),
            new("evidence_sources", Text, null, "Reference sources, separated by '; '.", Reference, "", Nullable: true),
            new("evidence_run_ids", Text, null, "Measured run ids (newest and fastest of each side), separated by ' '.", Measured, "", Nullable: true),
            new("as_of", Timestamp, "UTC", "The date the verdicts were computed for.", Derived, ""),
            new("reference_data_version", Text, null, "SHA-256 of the reference files the evidence comes from.", Provenance, ""),
        ],
        "",
        "",
        new Dictionary<ExportFilterField, string>(),
        Computed: true);
}
