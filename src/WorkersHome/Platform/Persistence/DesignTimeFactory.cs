using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace WorkersHome.Platform.Persistence;

/// <summary>Migrations are PostgreSQL's; `dotnet ef migrations add` builds the model against Npgsql.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseSetup.Configure(options, "Host=localhost;Database=workershome_design", DatabaseProvider.PostgreSql);
        return new AppDbContext(options.Options);
    }
}