using EfficiencyDashboard.Core.Catalog;

namespace EfficiencyDashboard.Web.Models;

/// <summary>A model every install has: generated at first start or extracted from a package.</summary>
/// <param name="Produce">Writes the model's .onnx file to the given path; returns false when its source is missing.</param>
public sealed record BuiltInModel(
    string Key, string Name, ModelFamily Family, string Task, ModelSource Source, string Provenance, string RelativePath, Func<string, bool> Produce);
