using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

using WorkersHome.Modules.Merchants.Till;
using WorkersHome.Testing;

namespace WorkersHome.Tests.Platform;

/// <summary>The embedded default keeps working while its single writer is held, as a member import holds it for its whole run.</summary>
public sealed class SqliteBackgroundWorkTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "wh-sqlite-busy-" + Guid.NewGuid().ToString("N"));
    private AppFactory _factory = null!;

    private string File => Path.Combine(_folder, "busy.db");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        // Commands give up on a held writer after a second here (30 s by default), so a lock error shows at once.
        _factory = new AppFactory($"Data Source={File};Default Timeout=1", new Dictionary<string, string?> { ["Merchants:CountEvery"] = "00:00:00" });
        await TestWorld.SeedAsync(_factory, grassroots: 5);
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Counting_till_sales_with_nothing_to_count_does_not_wait_for_an_import_holding_the_writer()
    {
        await using var import = new SqliteConnection($"Data Source={File}");
        await import.OpenAsync();
        using var importTransaction = import.BeginTransaction(deferred: false);

        await using var scope = _factory.WholeTreeScope(out _);
        var counted = await scope.ServiceProvider.GetRequiredService<RedemptionCounting>().CountNewAsync(CancellationToken.None);

        counted.ShouldBe(0);
    }

    [Fact]
    public void A_held_writer_is_recognised_as_busy_and_other_failures_are_not()
    {
        WorkersHome.Platform.Persistence.SqliteBusy.Is(new InvalidOperationException("wrapped", new SqliteException("database is locked", 5))).ShouldBeTrue();
        WorkersHome.Platform.Persistence.SqliteBusy.Is(new SqliteException("constraint failed", 19)).ShouldBeFalse();
        WorkersHome.Platform.Persistence.SqliteBusy.Is(new InvalidOperationException("other")).ShouldBeFalse();
    }
}