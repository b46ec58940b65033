namespace EfficiencyDashboard.Core.Catalog;

public static class TechniqueExtensions
{
    /// <summary>The technique as the API spells it: fp16, int8-dynamic, int8-static, pruned-structured, pruned-unstructured, distilled.</summary>
    public static string ApiName(this Technique technique) => technique switch
    {
        Technique.Fp16 => "fp16",
        Technique.Int8Dynamic => "int8-dynamic",
        Technique.Int8Static => "int8-static",
        Technique.PrunedStructured => "pruned-structured",
        Technique.PrunedUnstructured => "pruned-unstructured",
        _ => "distilled",
    };

    public static Technique? Parse(string? value) =>
        Enum.GetValues<Technique>().Cast<Technique?>().FirstOrDefault(t => t!.Value.ApiName() == value?.Trim().ToLowerInvariant());
}
