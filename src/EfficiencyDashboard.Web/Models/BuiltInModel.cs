using EfficiencyDashboard.Core.Catalog;

namespace EfficiencyDashboard.Web.Models;

/// <summary>A model every install has: generated at first start or extracted from a package.</summary>
/// <param name="Produce">Writes the model's .onnx file to the given path; returns false when its source is missing.</param>
/// <param name="DefaultInputShapes">Shapes of dynamic dimensions other than the batch (for example 128 tokens).</param>
/// <param name="TeacherKey">For a distilled student, the built-in model it imitates.</param>
/// <param name="ReferenceQuality">Published quality relative to the teacher, with its source.</param>
public sealed record BuiltInModel(
    string Key,
    string Name,
    ModelFamily Family,
    string Task,
    ModelSource Source,
    string Provenance,
    string RelativePath,
    Func<string, bool> Produce,
    IReadOnlyDictionary<string, int[]>? DefaultInputShapes = null,
    string? TeacherKey = null,
    string? ReferenceQuality = null);
