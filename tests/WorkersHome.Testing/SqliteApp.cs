namespace WorkersHome.Testing;

/// <summary>The app on an embedded SQLite file of its own, seeded with the test world; the folder goes when disposed.</summary>
public sealed class SqliteApp : IAsyncDisposable
{
    private readonly string _folder;

    private SqliteApp(string folder, AppFactory factory, TestWorld world)
    {
        _folder = folder;
        Factory = factory;
        World = world;
    }

    public AppFactory Factory { get; }

    public TestWorld World { get; }

    public static async Task<SqliteApp> StartAsync(string name, int grassroots = 20)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"wh-{name}-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var factory = new AppFactory($"Data Source={Path.Combine(folder, name + ".db")}");
        return new SqliteApp(folder, factory, await TestWorld.SeedAsync(factory, grassroots));
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}