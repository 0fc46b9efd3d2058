using System.Diagnostics;
using System.Globalization;
using System.Text;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using WorkersHome.Modules.Members;
using WorkersHome.Modules.Members.Import;
using WorkersHome.Modules.Members.Statistics;
using WorkersHome.Testing;

namespace WorkersHome.Tests.Modules.Members;

/// <summary>This fixture's own app queues imports but never runs them: the runs happen in separate app processes.</summary>
public sealed class QueueOnlyFixture : AppFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Imports:Enabled"] = "false" };
}

/// <summary>
/// An import whose process is killed (SIGKILL) half-way leaves the registry exactly as before; the next process
/// takes the import over when the lease lapses and applies it whole.
/// </summary>
public sealed class ImportCrashTests(QueueOnlyFixture fixture) : IClassFixture<QueueOnlyFixture>
{
    private const int Rows = 40_000;

    [Fact]
    public async Task Killing_the_app_mid_import_leaves_nothing_half_done_and_the_next_start_finishes_it()
    {
        var importId = await QueueLargeImportAsync();
        var before = await MemberCountAsync();

        using (var first = AppProcess.Start(fixture.Database.ConnectionString))
        {
            // Wait until the run has claimed the import and written at least one batch inside its transaction.
            await WaitForAsync(async () => (await ImportAsync(importId)) is { State: ImportState.Running, Processed: > 0 }, first, "the first run to get going");
            first.Kill();
        }

        var interrupted = await ImportAsync(importId);
        interrupted.State.ShouldBe(ImportState.Running, "nobody has finished it");
        (await MemberCountAsync()).ShouldBe(before, "the killed run's rows were never committed");
        (await StatsDifferencesAsync()).ShouldBe(0, "the counts were never touched either");

        using (var second = AppProcess.Start(fixture.Database.ConnectionString))
        {
            await WaitForAsync(async () => (await ImportAsync(importId)).State == ImportState.Completed, second, "the second run to finish the import");
        }

        var done = await ImportAsync(importId);
        done.Added.ShouldBe(Rows);
        done.Attempts.ShouldBe(2);
        (await MemberCountAsync()).ShouldBe(before + Rows);
        (await StatsDifferencesAsync()).ShouldBe(0);
        await using var scope = fixture.Factory.WholeTreeScope(out var db);
        (await db.AuditEntries.CountAsync(a => a.Action == "member.imported" && a.TargetId == importId.ToString())).ShouldBe(1);
    }

    private async Task<Guid> QueueLargeImportAsync()
    {
        var csv = new StringBuilder(string.Join(",", MemberTemplate.Headers)).Append('\n');
        for (var k = 0; k < Rows; k++)
        {
            var gender = k % 2 == 0 ? Gender.Male : Gender.Female;
            var birth = new DateOnly(1975, 1, 1).AddDays(k / 1000);
            var id = ResidentIdNumber.Compose("410185", birth, k / 2 % 500, gender);
            csv.Append(CultureInfo.InvariantCulture, $"测试{"甲乙丙丁戊己庚辛壬癸"[k % 10]},,汉族,居民身份证,{id},,,,,{TestWorld.ZhengzhouUnionCode},,全日制,,否,,2019-05-01\n");
        }

        await using var scope = fixture.Factory.WholeTreeScope(out _);
        var start = scope.ServiceProvider.GetRequiredService<StartImport>();
        using var upload = new MemoryStream(Encoding.UTF8.GetBytes(csv.ToString()));
        return (await start.ExecuteAsync(upload, "大名册.csv", ImportMode.AllOrNothing)).Id;
    }

    private async Task<MemberImport> ImportAsync(Guid id)
    {
        await using var scope = fixture.Factory.WholeTreeScope(out var db);
        return await db.Set<MemberImport>().AsNoTracking().SingleAsync(i => i.Id == id);
    }

    private async Task<int> MemberCountAsync()
    {
        await using var scope = fixture.Factory.WholeTreeScope(out var db);
        return await db.Members.CountAsync();
    }

    private async Task<int> StatsDifferencesAsync()
    {
        await using var scope = fixture.Factory.WholeTreeScope(out _);
        return await scope.ServiceProvider.GetRequiredService<MemberStatsQueries>().RebuildAsync(CancellationToken.None);
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition, AppProcess app, string what)
    {
        var until = DateTime.UtcNow.AddSeconds(90);
        while (!await condition())
        {
            if (app.HasExited || DateTime.UtcNow > until)
            {
                throw new TimeoutException($"Gave up waiting for {what}. App output:\n{app.Output}");
            }

            await Task.Delay(20);
        }
    }
}

/// <summary>The built app as a separate process on the test database, so that it can really be killed.</summary>
internal sealed class AppProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private AppProcess(Process process)
    {
        _process = process;
    }

    public bool HasExited => _process.HasExited;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static AppProcess Start(string connectionString)
    {
        var info = new ProcessStartInfo("dotnet", ["exec", Path.Combine(AppContext.BaseDirectory, "WorkersHome.dll"), "--urls", "http://127.0.0.1:0"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        var settings = new Dictionary<string, string?>(AppFactory.TestPrivacyKeys)
        {
            ["ConnectionStrings:Default"] = connectionString,
            ["Storage:Path"] = AppFactory.FilesFolder(connectionString),
            ["Demo:Seed"] = "false",
            ["Outbox:Enabled"] = "false",
            ["Imports:LeaseSeconds"] = "3",
            ["Imports:PollSeconds"] = "1",
        };
        foreach (var (key, value) in settings)
        {
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        var process = new Process { StartInfo = info };
        var app = new AppProcess(process);
        process.OutputDataReceived += (_, e) => app.Append(e.Data);
        process.ErrorDataReceived += (_, e) => app.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return app;
    }

    /// <summary>SIGKILL: no shutdown, no rollback from the app's side; only the database's own recovery.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}