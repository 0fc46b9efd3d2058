using System.Diagnostics;
using System.Globalization;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;

using Npgsql;

using WorkersHome.Bench.Infrastructure;
using WorkersHome.Bench.Scenarios.Import;
using WorkersHome.Bench.Scenarios.Tree;
using WorkersHome.Modules.Members;
using WorkersHome.Modules.Members.Import;
using WorkersHome.Modules.Members.Statistics;
using WorkersHome.Modules.Organizations;
using WorkersHome.Platform.Persistence;

namespace WorkersHome.Bench.Scenarios;

/// <summary>
/// A member file imported through the product's real pipeline, in the app's own composition: the upload is sealed
/// into the file store (StartImport), then the runner claims and runs it (parse, validate, dedup, encrypt, hash,
/// COPY, rollups, stats, audit, one transaction). The floor it is compared with is what the database itself needs to
/// store the same result: the rows the import wrote (members, already encrypted and hashed, and their history rows)
/// are exported and COPYed, in one transaction, into the same indexed tables of a fresh database made by the same
/// migration (<see cref="DatabaseFloor"/>). Peak memory is the process's peak resident set during the import alone.
/// </summary>
internal sealed class ImportScenario(bool xlsx) : IScenario
{
    private int _rows;
    private int _grassroots;
    private int _seed;

    public string Name => xlsx ? "import-xlsx" : "import";

    public string Usage => xlsx ? "[--rows 100000] [--grassroots 10000] [--seed 2026]" : "[--rows 1000000] [--grassroots 10000] [--seed 2026]";

    public void Configure(BenchArgs args)
    {
        _rows = args.Int("rows", xlsx ? 100_000 : 1_000_000, 1, 20_000_000);
        _grassroots = args.Int("grassroots", 10_000, 1, 1_000_000);
        _seed = args.Int("seed", 2026, 0, int.MaxValue);
    }

    public async Task<string> RunAsync(string connectionString, CancellationToken ct)
    {
        await using var database = await ThrowawayDatabase.CreateAsync(connectionString, "wh_bench_import", ct);
        Console.WriteLine($"created database {database.Name}");
        var work = Directory.CreateTempSubdirectory("wh-bench-import-");
        try
        {
            var contexts = new AppContexts(database.ConnectionString);
            await NationalTreeSeeder.LoadAsync(contexts, NationalTreeSeeder.Divisions(31), _grassroots, _seed, ct);
            List<(string Code, string County)> unions;
            await using (var db = contexts.WholeTree())
            {
                unions = (await db.OrgUnits.Where(o => o.Level == OrgLevel.Grassroots).Select(o => new { o.Code, o.Path }).ToListAsync(ct))
                    .Select(u => (u.Code, u.Path.Split('/', StringSplitOptions.RemoveEmptyEntries).First(c => c.Length == 6)))
                    .ToList();
            }

            var file = Path.Combine(work.FullName, xlsx ? "members.xlsx" : "members.csv");
            var generate = Stopwatch.StartNew();
            var bytes = xlsx ? TemplateFile.WriteXlsx(file, unions, _rows, _seed) : TemplateFile.WriteCsv(file, unions, _rows, _seed);
            Console.WriteLine($"generated {_rows} rows in the template: {bytes / 1e6:F1} MB in {generate.Elapsed.TotalSeconds:F1} s");

            await using var app = BenchApp.Build(database.ConnectionString, Path.Combine(work.FullName, "files"));

            var (seconds, peakMb, import) = await ImportAsync(app.Services, file, ct);
            await VerifyAsync(app.Services, import, ct);
            var rate = _rows / seconds;
            Console.WriteLine($"import: {_rows} rows in {seconds:F2} s = {rate:F0} rows/s, peak resident memory {peakMb:F0} MB");
            var floorSeconds = await DatabaseFloor.RunAsync(connectionString, database.ConnectionString, work.FullName, ct);
            var floorRate = _rows / floorSeconds;
            Console.WriteLine($"floor: COPY of the same final rows into the same indexed tables of a fresh database: {floorSeconds:F2} s = {floorRate:F0} rows/s");
            if (xlsx)
            {
                return FormattableString.Invariant($"BENCH import-xlsx rows={_rows} rows_per_s={rate:F0} floor_rows_per_s={floorRate:F0} ratio_vs_floor={rate / floorRate:F2}");
            }

            return FormattableString.Invariant(
                $"BENCH import rows={_rows} rows_per_s={rate:F0} floor_rows_per_s={floorRate:F0} ratio_vs_floor={rate / floorRate:F2} peak_mem_mb={peakMb:F0}");
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static async Task<(double Seconds, double PeakMb, MemberImport Import)> ImportAsync(IServiceProvider services, string file, CancellationToken ct)
    {
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        PeakMemory.Reset();
        var watch = Stopwatch.StartNew();
        var processorTime = Process.GetCurrentProcess().TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes();
        Guid id;
        await using (var scope = services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<AppDbContext>().UseWholeTree();
            await using var upload = File.OpenRead(file);
            id = (await scope.ServiceProvider.GetRequiredService<StartImport>().ExecuteAsync(upload, Path.GetFileName(file), ImportMode.AllOrNothing, ct)).Id;
        }

        var runs = await services.GetRequiredService<ImportRunner>().RunQueuedAsync(ct);
        var seconds = watch.Elapsed.TotalSeconds;
        // Where the time goes on the app's side: its processor time (the database's is not counted) and what it allocated.
        Console.WriteLine($"app: processor time {(Process.GetCurrentProcess().TotalProcessorTime - processorTime).TotalSeconds:F1} s, " +
            $"allocated {(GC.GetTotalAllocatedBytes() - allocated) / 1e9:F2} GB, gen2 collections {GC.CollectionCount(2)}");
        var peak = PeakMemory.ReadMb();
        await using var check = services.CreateAsyncScope();
        var import = await check.ServiceProvider.GetRequiredService<AppDbContext>().Set<MemberImport>().AsNoTracking().SingleAsync(i => i.Id == id, ct);
        if (runs != 1 || import.State != ImportState.Completed)
        {
            throw new InvalidOperationException($"The import ended {import.State} after {runs} runs: {import.Failure}");
        }

        return (seconds, peak, import);
    }

    /// <summary>The import must have done the whole job: every row added, counted up the tree and audited.</summary>
    private async Task VerifyAsync(IServiceProvider services, MemberImport import, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.UseWholeTree();
        var members = await db.Members.CountAsync(ct);
        var events = await db.MembershipEvents.CountAsync(ct);
        var root = await db.Set<MemberStats>().AsNoTracking().SingleAsync(s => s.OrgCode == NationalTreeSeeder.NationalRoot().Code, ct);
        var rollup = await db.OrgRollups.AsNoTracking().Where(r => r.OrgId == db.Set<OrgUnit>().Where(o => o.Code == "CN").Select(o => o.Id).Single())
            .Select(r => r.Members).SingleAsync(ct);
        var audited = await db.AuditEntries.CountAsync(a => a.Action == "member.imported" && a.TargetId == import.Id.ToString(), ct);
        Console.WriteLine($"check: added {import.Added}, rejected {import.Rejected}, members {members}, events {events}, " +
            $"national stats active {root.Active}, national rollup {rollup}, audit entries {audited}");
        if (import.Added != _rows || members != _rows || events != _rows || root.Active != _rows || rollup != _rows || audited != 1)
        {
            throw new InvalidOperationException("The import did not add every row with its history, counts and audit entry.");
        }
    }
}

/// <summary>Peak resident memory of this process (Linux VmHWM), reset before the measured phase.</summary>
internal static class PeakMemory
{
    public static void Reset()
    {
        // Writing 5 to clear_refs resets the peak resident set size to the current one (Linux 4.0+).
        File.WriteAllText("/proc/self/clear_refs", "5");
    }

    public static double ReadMb()
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
    }
}

/// <summary>
/// The floor the database sets: the final rows of the tables the import fills row by row (members, encrypted and
/// hashed, and their history rows), exported in binary after the import, then COPYed in one transaction into a
/// fresh database migrated like the product's, so with the same indexes and constraints. Everything else the
/// import writes (a few rollup, stats, audit and import rows) is left out: it does not grow with the file.
/// Reading the export happens before the clock starts; the commit (fsync) is timed, as the import's is.
/// </summary>
internal static class DatabaseFloor
{
    private static readonly Type[] Tables = [typeof(Member), typeof(MembershipEvent)];

    public static async Task<double> RunAsync(string serverConnectionString, string importedConnectionString, string workPath, CancellationToken ct)
    {
        var copies = new List<(string Target, string File)>();
        await using (var db = new AppContexts(importedConnectionString).WholeTree())
        {
            await using var source = new NpgsqlConnection(importedConnectionString);
            await source.OpenAsync(ct);
            foreach (var type in Tables)
            {
                var entity = db.Model.FindEntityType(type) ?? throw new InvalidOperationException(type.Name + " is not mapped.");
                var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
                var target = $"\"{table.Schema}\".\"{table.Name}\" ({string.Join(", ", entity.GetProperties().Select(p => "\"" + p.GetColumnName(table) + "\""))})";
                var file = Path.Combine(workPath, table.Name + ".copy");
                await using (var export = await source.BeginRawBinaryCopyAsync($"COPY {target} TO STDOUT (FORMAT BINARY)", ct))
                await using (var output = File.Create(file))
                {
                    await export.CopyToAsync(output, ct);
                }

                copies.Add((target, file));
            }
        }

        await using var floor = await ThrowawayDatabase.CreateAsync(serverConnectionString, "wh_bench_floor", ct);
        await using (var db = new AppContexts(floor.ConnectionString).WholeTree())
        {
            await DatabaseSetup.PrepareAsync(db, ct);
        }

        await using var connection = new NpgsqlConnection(floor.ConnectionString);
        await connection.OpenAsync(ct);
        var watch = Stopwatch.StartNew();
        await using (var transaction = await connection.BeginTransactionAsync(ct))
        {
            foreach (var (target, file) in copies)
            {
                await using var input = File.OpenRead(file);
                await using var copy = await connection.BeginRawBinaryCopyAsync($"COPY {target} FROM STDIN (FORMAT BINARY)", ct);
                await input.CopyToAsync(copy, 1 << 16, ct);
            }

            await transaction.CommitAsync(ct);
        }

        var seconds = watch.Elapsed.TotalSeconds;
        foreach (var (_, file) in copies)
        {
            File.Delete(file);
        }

        return seconds;
    }
}