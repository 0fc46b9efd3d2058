using Xunit;

namespace WorkersHome.Testing;

/// <summary>One database, one app and one seeded world per test class.</summary>
public class AppFixture : IAsyncLifetime
{
    private TestDatabase? _database;

    public AppFactory Factory { get; private set; } = null!;

    public TestWorld World { get; private set; } = null!;

    public TestDatabase Database => _database!;

    /// <summary>An API client (bearer token) acting as the seeded cadre of that user name.</summary>
    public HttpClient Cadre(string user) => Factory.Api(World.User(user));

    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    /// <summary>Last chance to change how the factory hosts the app (e.g. on a real socket) before it starts.</summary>
    protected virtual void ConfigureFactory(AppFactory factory)
    {
    }

    public virtual async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(GetType().Name.ToLowerInvariant());
        Factory = new AppFactory(_database.ConnectionString, Settings);
        ConfigureFactory(Factory);
        World = await TestWorld.SeedAsync(Factory);
    }

    public virtual async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}