namespace EfficiencyDashboard.Runner.Techniques;

/// <summary>
/// Reference data for the distilled technique: a smaller student model linked to its teacher, with the published
/// quality figures and their source. Distillation is a training procedure, so no graph is transformed; the student
/// is a model of its own in the catalog, and its efficiency gain is measured like any model's.
/// </summary>
/// <param name="Student">The smaller model.</param>
/// <param name="Teacher">The larger model it is compared with.</param>
/// <param name="Relation">How the student relates to the teacher (distilled from it, or a smaller sibling trained alone).</param>
/// <param name="Metric">The quality metric of the figures, with its unit.</param>
/// <param name="StudentQuality">The student's published figure, or null when none is published.</param>
/// <param name="TeacherQuality">The teacher's published figure, or null.</param>
/// <param name="QualityRetentionPercent">Student quality as a percentage of the teacher's: published, or computed from the two figures; null when unknown.</param>
/// <param name="Note">Other published facts (size, speed) or why a figure is missing.</param>
/// <param name="Source">Where the figures come from.</param>
public sealed record DistillationPair(
    string Student,
    string Teacher,
    string Relation,
    string Metric,
    double? StudentQuality,
    double? TeacherQuality,
    double? QualityRetentionPercent,
    string Note,
    string Source);
