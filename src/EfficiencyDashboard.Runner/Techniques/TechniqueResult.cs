using EfficiencyDashboard.Core.Catalog;

namespace EfficiencyDashboard.Runner.Techniques;

/// <summary>A variant produced by a technique from its parent model.</summary>
/// <param name="Technique">The technique that made it.</param>
/// <param name="Model">The variant's serialised ModelProto.</param>
/// <param name="Description">One or two sentences on what the technique did, shown beside the variant.</param>
/// <param name="Counts">What changed, by name (for example <c>quantizedNodes</c>, <c>parametersBefore</c>).</param>
public sealed record TechniqueResult(Technique Technique, byte[] Model, string Description, IReadOnlyDictionary<string, long> Counts);
