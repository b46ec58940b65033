using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace EfficiencyDashboard.Core.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without starting the web host.</summary>
internal sealed class EfficiencyContextDesignTimeFactory : IDesignTimeDbContextFactory<EfficiencyContext>
{
    public EfficiencyContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<EfficiencyContext>().UseSqlite("Data Source=design.db").Options);
}
