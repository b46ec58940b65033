using EfficiencyDashboard.Core.Catalog;

namespace EfficiencyDashboard.Runner.Techniques;

/// <summary>Applies a technique to a parent graph, as variant requests ask (<c>POST /api/models/{id}/variants</c>).</summary>
public static class VariantTransform
{
    /// <summary>Makes the variant of <paramref name="parent"/> that <paramref name="technique"/> describes.</summary>
    /// <exception cref="TechniqueNotApplicableException">The technique does not apply to this model, needs calibration data, or is "distilled".</exception>
    public static TechniqueResult Apply(Technique technique, byte[] parent, VariantOptions? options = null)
    {
        options ??= new VariantOptions();
        return technique switch
        {
            Technique.Fp16 => Float16Conversion.Apply(parent),
            Technique.Int8Dynamic => DynamicQuantization.Apply(parent, options.ReduceRange),
            Technique.Int8Static => StaticQuantization.Apply(
                parent,
                options.Calibration ?? throw new TechniqueNotApplicableException("int8-static needs calibration batches for the model's inputs."),
                options.StaticQuantization),
            Technique.PrunedStructured => StructuredPruning.Apply(parent, options.Ratio),
            Technique.PrunedUnstructured => UnstructuredPruning.Apply(parent, options.Ratio),
            _ => throw new TechniqueNotApplicableException(
                "Distillation trains a smaller student model; it is not a graph transform. Add the student as a model and link it to its teacher " +
                "(see the distillation reference pairs)."),
        };
    }
}
