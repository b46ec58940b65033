namespace EfficiencyDashboard.Web.Storage;

/// <summary>Where the app keeps its database, job storage and models (configuration section <c>Storage</c>).</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>The data directory; a relative path is taken from the repository root.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>The shipped public reference data (datasheets, MLPerf); relative to the repository root, not the data directory.</summary>
    public string ReferenceDirectory { get; set; } = "data/reference";

    /// <summary>The sentences text models are fed; relative to the repository root.</summary>
    public string SentencesFile { get; set; } = "data/sentences.txt";
}
