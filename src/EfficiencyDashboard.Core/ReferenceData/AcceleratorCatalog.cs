namespace EfficiencyDashboard.Core.ReferenceData;

/// <summary>The accelerators of the reference data, and the matching of other spellings of their names to them.</summary>
public sealed class AcceleratorCatalog(IReadOnlyList<AcceleratorSpec> accelerators)
{
    /// <summary>Every accelerator, in file order.</summary>
    public IReadOnlyList<AcceleratorSpec> Accelerators { get; } = accelerators;

    // Read once: every MLPerf row is matched against every catalog name.
    private readonly List<(AcceleratorSpec Spec, AcceleratorName Name)> named =
        accelerators.Select(a => (a, AcceleratorName.Parse(a.Accelerator))).ToList();

    /// <summary>
    /// The catalog accelerator a name stands for, or null when unsure. First an exact match (ignoring case and
    /// surrounding spaces); then by <see cref="AcceleratorName"/>: same model, and the same form factor and memory
    /// wherever both sides say (the catalog's memory column counts when its name does not say). Null when the name is a
    /// MIG slice, a mixed system, has a word it cannot read, or fits no accelerator or more than one.
    /// </summary>
    public AcceleratorSpec? Find(string name)
    {
        var exact = Accelerators.Where(a => string.Equals(a.Accelerator, name.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
        if (exact.Count == 1)
        {
            return exact[0];
        }

        var wanted = AcceleratorName.Parse(name);
        if (!wanted.IsClear)
        {
            return null;
        }

        var candidates = named
            .Where(c => c.Name.Model == wanted.Model)
            .Where(c => wanted.FormFactor is null || c.Name.FormFactor is null || c.Name.FormFactor == wanted.FormFactor)
            .Where(c => wanted.MemoryGb is null || MemoryOf(c.Spec, c.Name) is not { } memory || memory == wanted.MemoryGb)
            .ToList();
        return candidates.Count == 1 ? candidates[0].Spec : null;
    }

    /// <summary>The accelerators of one model (<c>a100</c>), whatever their form factor and memory.</summary>
    public IReadOnlyList<AcceleratorSpec> OfModel(string model) =>
        named.Where(c => c.Name.Model == model.ToLowerInvariant()).Select(c => c.Spec).ToList();

    private static double? MemoryOf(AcceleratorSpec spec, AcceleratorName name) => name.MemoryGb ?? spec.MemoryGb;
}
