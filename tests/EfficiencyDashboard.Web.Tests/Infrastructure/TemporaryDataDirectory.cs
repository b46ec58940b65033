namespace EfficiencyDashboard.Web.Tests.Infrastructure;

/// <summary>A data directory that exists for one test class.</summary>
public sealed class TemporaryDataDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("efficiency-tests-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A host still closing its SQLite files; the temp folder is cleaned by the OS.
        }
    }
}
