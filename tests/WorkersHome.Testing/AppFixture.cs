using Xunit;

namespace WorkersHome.Testing;

/// <summary>One database, one app and one seeded world per test class.</summary>
public class AppFixture : IAsyncLifetime
{
    private TestDatabase? _database;

    public AppFactory Factory { get; private set; } = null!;

    public TestWorld World { get; private set; } = null!;

    public TestDatabase Database => _database!;

    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(GetType().Name.ToLowerInvariant());
        Factory = new AppFactory(_database.ConnectionString, Settings);
        World = await TestWorld.SeedAsync(Factory);
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}