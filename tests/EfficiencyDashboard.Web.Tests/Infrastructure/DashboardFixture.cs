namespace EfficiencyDashboard.Web.Tests.Infrastructure;

/// <summary>One running app and its data directory, shared by a test class.</summary>
public sealed class DashboardFixture : IDisposable
{
    private readonly TemporaryDataDirectory _data = new();

    public DashboardFixture()
    {
        Factory = new DashboardFactory(_data.Path);
        Client = Factory.CreateClient();
    }

    public DashboardFactory Factory { get; }

    public HttpClient Client { get; }

    public void Dispose()
    {
        Client.Dispose();
        Factory.Dispose();
        _data.Dispose();
    }
}
