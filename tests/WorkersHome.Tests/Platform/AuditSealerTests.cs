using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using Npgsql;

using WorkersHome.Platform.Audit;
using WorkersHome.Platform.Outbox;
using WorkersHome.Testing;

namespace WorkersHome.Tests.Platform;

/// <summary>The app with no background sealer: each test decides when rows are sealed.</summary>
public sealed class ManualSealingFixture : AppFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Audit:SealInBackground"] = "false" };
}

/// <summary>The sealer on PostgreSQL: writers that never wait for it, late and rolled-back transactions, crashes, two instances, tampering.</summary>
public sealed class AuditSealerTests(ManualSealingFixture fixture) : IClassFixture<ManualSealingFixture>
{
    private AppFactory App => fixture.Factory;

    private static async Task<long[]> WriteAsync(AppFactory app, int rows, string action)
    {
        await using var scope = app.WholeTreeScope(out var db);
        var audit = scope.ServiceProvider.GetRequiredService<AuditTrail>();
        for (var i = 0; i < rows; i++)
        {
            audit.Record(action, "probe", i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var entries = db.ChangeTracker.Entries<AuditEntry>().Select(e => e.Entity).ToList();
        await db.SaveChangesAsync();
        return entries.Select(e => e.Id).ToArray();
    }

    private static async Task<long> SealAllAsync(AppFactory app)
    {
        await using var scope = app.WholeTreeScope(out _);
        return await scope.ServiceProvider.GetRequiredService<AuditSealer>().SealAllAsync(default);
    }

    private static async Task<AuditVerification> VerifyAsync(AppFactory app, params AuditCheckpoint[] checkpoints)
    {
        await using var scope = app.WholeTreeScope(out _);
        return await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync(checkpoints);
    }

    private async Task<Dictionary<long, long?>> SequencesAsync(IEnumerable<long> ids)
    {
        await using var scope = App.WholeTreeScope(out var db);
        var wanted = ids.ToList();
        return await db.AuditEntries.Where(a => wanted.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Sequence);
    }

    private async Task TamperAsync(string sql)
    {
        // Someone with superuser rights goes around the triggers.
        await using var connection = new NpgsqlConnection(fixture.Database.ConnectionString);
        await connection.OpenAsync();
        await using var tamper = new NpgsqlCommand($"ALTER TABLE audit.entries DISABLE TRIGGER USER; {sql}; ALTER TABLE audit.entries ENABLE TRIGGER USER;", connection);
        await tamper.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task A_late_commit_is_sealed_after_later_ids_and_a_rollback_leaves_no_gap()
    {
        await SealAllAsync(App);
        await using var late = App.WholeTreeScope(out var lateDb);
        await using var lateTransaction = await lateDb.Database.BeginTransactionAsync();
        late.ServiceProvider.GetRequiredService<AuditTrail>().Record("probe.late");
        await lateDb.SaveChangesAsync();
        var lateId = lateDb.ChangeTracker.Entries<AuditEntry>().Single().Entity.Id;

        var early = await WriteAsync(App, 3, "probe.early");
        await using (var rolledBack = App.WholeTreeScope(out var rollbackDb))
        {
            await using var transaction = await rollbackDb.Database.BeginTransactionAsync();
            rolledBack.ServiceProvider.GetRequiredService<AuditTrail>().Record("probe.rolled-back");
            await rollbackDb.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        (await SealAllAsync(App)).ShouldBe(3);
        await lateTransaction.CommitAsync();
        (await SealAllAsync(App)).ShouldBe(1);

        var sequences = await SequencesAsync(early.Append(lateId));
        lateId.ShouldBeLessThan(early.Min());
        sequences[lateId]!.Value.ShouldBe(early.Max(id => sequences[id]!.Value) + 1);
        var result = await VerifyAsync(App);
        result.Intact.ShouldBeTrue(result.Problem);
        result.Unsealed.ShouldBe(0);
        await using var scope = App.WholeTreeScope(out var db);
        (await db.AuditEntries.CountAsync(a => a.Action == "probe.rolled-back")).ShouldBe(0);
        result.RowsChecked.ShouldBe(await db.AuditEntries.CountAsync());
    }

    [Fact]
    public async Task Rows_committed_before_a_crash_are_reported_unsealed_and_sealed_by_the_next_instance()
    {
        await SealAllAsync(App);
        var written = await WriteAsync(App, 25, "probe.before-crash");
        var before = await VerifyAsync(App);
        before.Intact.ShouldBeTrue(before.Problem);
        before.Unsealed.ShouldBe(25);
        before.OldestUnsealedAt.ShouldNotBeNull();

        // The instance that wrote them is gone; another one starts with its sealer running.
        await using var next = new AppFactory(fixture.Database.ConnectionString, new Dictionary<string, string?> { ["Audit:SealEvery"] = "00:00:00.050" });
        _ = next.Services;
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((await SequencesAsync(written)).Values.Any(s => s is null) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        (await SequencesAsync(written)).Values.ShouldAllBe(s => s != null);
        var after = await VerifyAsync(App);
        after.Intact.ShouldBeTrue(after.Problem);
        after.RowsChecked.ShouldBe(before.RowsChecked + 25);
    }

    [Fact]
    public async Task Two_instances_sealing_while_many_writers_write_make_one_chain_with_every_row_once()
    {
        await using var other = new AppFactory(fixture.Database.ConnectionString, new Dictionary<string, string?> { ["Audit:SealInBackground"] = "false" });
        var writing = true;
        async Task KeepSealingAsync(AppFactory app)
        {
            while (Volatile.Read(ref writing))
            {
                await using var scope = app.WholeTreeScope(out _);
                await scope.ServiceProvider.GetRequiredService<AuditSealer>().SealBatchAsync(waitForOtherSealer: false, default);
            }
        }

        var sealers = new[] { Task.Run(() => KeepSealingAsync(App)), Task.Run(() => KeepSealingAsync(other)) };
        var writers = Enumerable.Range(0, 16).Select(w => Task.Run(async () =>
        {
            var ids = new List<long>();
            for (var i = 0; i < 20; i++)
            {
                ids.AddRange(await WriteAsync(w % 2 == 0 ? App : other, 1 + (i % 3), "probe.concurrent"));
            }

            return ids;
        })).ToList();
        var written = (await Task.WhenAll(writers)).SelectMany(ids => ids).ToList();
        Volatile.Write(ref writing, false);
        await Task.WhenAll(sealers);
        await SealAllAsync(other);

        var sequences = await SequencesAsync(written);
        sequences.Count.ShouldBe(written.Count);
        sequences.Values.ShouldAllBe(s => s != null);
        sequences.Values.Distinct().Count().ShouldBe(written.Count);
        var result = await VerifyAsync(App);
        result.Intact.ShouldBeTrue(result.Problem);
        result.Unsealed.ShouldBe(0);
    }

    [Fact]
    public async Task Verification_finds_an_edited_row_a_deleted_row_and_rows_cut_from_the_end_against_the_checkpoint()
    {
        await WriteAsync(App, 12, "probe.tamper");
        AuditCheckpoint written;
        await using (var scope = App.WholeTreeScope(out _))
        {
            written = (await scope.ServiceProvider.GetRequiredService<WriteAuditCheckpoint>().WriteAsync(now: true, default))!;
            written.ShouldNotBeNull();
            // The file line goes out through the outbox, as the dispatcher would send it.
            (await scope.ServiceProvider.GetRequiredService<OutboxProcessor>().RunOnceAsync(new OutboxOptions(), "test", default)).ShouldBeGreaterThanOrEqualTo(2);
        }

        var file = Path.Combine(AppFactory.FilesFolder(fixture.Database.ConnectionString), "audit-checkpoints.jsonl");
        var fromFile = (await AuditCheckpointFile.ReadAsync(file, default)).Last();
        fromFile.Sequence.ShouldBe(written.Sequence);
        fromFile.Hash.ShouldBe(written.Hash);
        await WriteAsync(App, 5, "probe.after-checkpoint");
        await SealAllAsync(App);
        var intact = await VerifyAsync(App, fromFile);
        intact.Intact.ShouldBeTrue(intact.Problem);
        intact.CheckpointsChecked.ShouldBe(1);

        // A forged checkpoint (its hash changed after signing) is itself refused.
        var forged = AuditCheckpoint.FromJsonLine(fromFile.ToJsonLine());
        forged.Hash = new string('a', 64);
        (await VerifyAsync(App, forged)).Problem!.ShouldContain("not signed");

        var edited = written.Sequence - 3;
        await TamperAsync($"UPDATE audit.entries SET \"Detail\" = '{{\"forged\":true}}' WHERE \"Sequence\" = {edited}");
        var afterEdit = await VerifyAsync(App, fromFile);
        afterEdit.FirstBadRowId.ShouldBe(edited);
        afterEdit.Problem!.ShouldContain("content");
        await TamperAsync($"UPDATE audit.entries SET \"Detail\" = NULL WHERE \"Sequence\" = {edited}");
        (await VerifyAsync(App, fromFile)).Intact.ShouldBeTrue();

        var deleted = written.Sequence - 5;
        await using (var connection = new NpgsqlConnection(fixture.Database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var copy = new NpgsqlCommand($"CREATE TEMP TABLE kept AS SELECT * FROM audit.entries WHERE \"Sequence\" = {deleted}", connection);
            await copy.ExecuteNonQueryAsync();
        }

        await TamperAsync($"DELETE FROM audit.entries WHERE \"Sequence\" = {deleted}");
        var afterDelete = await VerifyAsync(App, fromFile);
        afterDelete.FirstBadRowId.ShouldBe(deleted);
        afterDelete.Problem!.ShouldContain("missing");

        // Cutting the chain back to before the deleted row makes it whole again to the chain's own eyes; the
        // checkpoint written out before still names the rows that were cut.
        await TamperAsync($"DELETE FROM audit.entries WHERE \"Sequence\" > {deleted}");
        (await VerifyAsync(App)).Intact.ShouldBeTrue();
        var afterTruncation = await VerifyAsync(App, fromFile);
        afterTruncation.Intact.ShouldBeFalse();
        afterTruncation.FirstBadRowId.ShouldBe(deleted);
        afterTruncation.Problem!.ShouldContain($"names row {written.Sequence}");

        // New rows sealed on the cut chain take the cut rows' places, and the checkpoint still tells them apart.
        await WriteAsync(App, 10, "probe.after-truncation");
        await SealAllAsync(App);
        var rewritten = await VerifyAsync(App, fromFile);
        rewritten.Intact.ShouldBeFalse();
        rewritten.FirstBadRowId.ShouldBe(written.Sequence);
        rewritten.Problem!.ShouldContain("differs from the checkpoint");
    }
}