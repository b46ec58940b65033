namespace EfficiencyDashboard.Runner.Techniques;

/// <summary>Applies a technique by its name, as variant requests give it (<c>POST /api/models/{id}/variants</c>).</summary>
public static class Technique
{
    /// <summary>The distilled technique's name: reference data, not a graph transform.</summary>
    public const string Distilled = "distilled";

    /// <summary>Every technique name, in the order the UI lists them.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        Float16Conversion.Name, DynamicQuantization.Name, StaticQuantization.Name, StructuredPruning.Name, UnstructuredPruning.Name, Distilled,
    ];

    /// <summary>Makes the variant of <paramref name="parent"/> that <paramref name="technique"/> describes.</summary>
    /// <exception cref="TechniqueNotApplicableException">The technique does not apply to this model, needs calibration data, or is "distilled".</exception>
    /// <exception cref="ArgumentException">The name is not a known technique.</exception>
    public static TechniqueResult Apply(string technique, byte[] parent, VariantOptions? options = null)
    {
        options ??= new VariantOptions();
        return technique switch
        {
            Float16Conversion.Name => Float16Conversion.Apply(parent),
            DynamicQuantization.Name => DynamicQuantization.Apply(parent, options.ReduceRange),
            StaticQuantization.Name => StaticQuantization.Apply(
                parent,
                options.Calibration ?? throw new TechniqueNotApplicableException("int8-static needs calibration batches for the model's inputs."),
                options.StaticQuantization),
            StructuredPruning.Name => StructuredPruning.Apply(parent, options.Ratio),
            UnstructuredPruning.Name => UnstructuredPruning.Apply(parent, options.Ratio),
            Distilled => throw new TechniqueNotApplicableException(
                "Distillation trains a smaller student model; it is not a graph transform. Add the student as a model and link it to its teacher " +
                "(see the distillation reference pairs)."),
            _ => throw new ArgumentException($"Unknown technique '{technique}'. Known: {string.Join(", ", Names)}.", nameof(technique)),
        };
    }
}
