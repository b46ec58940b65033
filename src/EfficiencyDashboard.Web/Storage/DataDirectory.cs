namespace EfficiencyDashboard.Web.Storage;

/// <summary>The resolved data directory and the places inside it.</summary>
public sealed class DataDirectory
{
    public DataDirectory(string contentRoot, StorageOptions options)
    {
        Root = Path.GetFullPath(Path.Combine(contentRoot, options.DataDirectory));
        ReferenceDirectory = Path.GetFullPath(Path.Combine(contentRoot, options.ReferenceDirectory));
        SentencesPath = Path.GetFullPath(Path.Combine(contentRoot, options.SentencesFile));
        Directory.CreateDirectory(Root);
        Directory.CreateDirectory(ModelsDirectory);
    }

    public string Root { get; }

    /// <summary>The real English sentences text models are fed (one per line).</summary>
    public string SentencesPath { get; }

    /// <summary>The BERT uncased vocabulary, extracted with the pretrained MiniLM.</summary>
    public string VocabularyPath => PathOf("models/pretrained/all-minilm-l6-v2/vocab.txt");

    /// <summary>Where the shipped reference CSV files are.</summary>
    public string ReferenceDirectory { get; }

    public string DatabasePath => Path.Combine(Root, "efficiency.db");

    public string JobStoragePath => Path.Combine(Root, "jobs.db");

    public string ModelsDirectory => Path.Combine(Root, "models");

    /// <summary>The absolute path of a file stored relative to the data directory.</summary>
    public string PathOf(string relativePath) => Path.GetFullPath(Path.Combine(Root, relativePath));
}
