namespace EfficiencyDashboard.Web.Hosting;

/// <summary>
/// Finds the folder holding the app's own appsettings.json and wwwroot/: the repository root when run from
/// a build (found by walking up to EfficiencyDashboard.sln), else the application folder (a published bundle).
/// </summary>
public static class RepositoryLayout
{
    public const string MarkerFile = "EfficiencyDashboard.sln";

    public static string FindContentRoot(string? startDirectory = null)
    {
        var start = startDirectory ?? AppContext.BaseDirectory;
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, MarkerFile)))
            {
                return dir.FullName;
            }
        }

        return start;
    }
}
