using System.Globalization;
using System.Threading.Channels;

using Microsoft.EntityFrameworkCore;

using WorkersHome.Modules.Members.CodeTables;
using WorkersHome.Modules.Members.Register;
using WorkersHome.Modules.Organizations.Contracts;
using WorkersHome.Platform.Audit;
using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Files;
using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Persistence;

namespace WorkersHome.Modules.Members.Import;

/// <summary>
/// Runs one stored import file through the data standard and into the registry, streaming: rows are read,
/// checked and encrypted in batches on the thread pool while the previous batch is written, so memory
/// stays bounded whatever the file's size. Everything the file changes (members, history, counts, the
/// import's own result, the audit entry) commits in one transaction: a run that dies half-way leaves the
/// registry as it was, and the next run starts the file again. Importing the same file twice changes nothing.
/// </summary>
public sealed class ImportMembers(
    AppDbContext db, MemberRecord record, CodeTableCache codes, IOrgDirectory orgs, IOrgRollupWriter rollups, Statistics.MemberStatsWriter stats,
    AuditTrail audit, SealedFileStore files, ImportProgress progress, IServiceScopeFactory scopes, TimeProvider clock)
{
    public const int BatchSize = 5000;

    private sealed class Row(SourceRow source)
    {
        public SourceRow Source { get; } = source;

        public string UnionCode { get; set; } = "";

        public List<RowProblem> Problems { get; set; } = [];

        public Member? Fresh { get; set; }

        public OrgSummary? Union { get; set; }

        /// <summary>The person's record if already on file anywhere in the country.</summary>
        public Member? Stored { get; set; }
    }

    /// <summary>What one run has seen so far.</summary>
    private sealed class Run
    {
        public Dictionary<string, int> FirstRowOfPerson { get; } = new(StringComparer.Ordinal);

        public Dictionary<long, (string Path, int Delta)> Rollups { get; } = [];

        /// <summary>Row number → error text, for the report.</summary>
        public Dictionary<int, string> Errors { get; } = [];

        public RejectionSummary Summary { get; } = new();

        public int Rows { get; set; }

        public int Added { get; set; }

        public int Updated { get; set; }

        public int Unchanged { get; set; }
    }

    public async Task RunAsync(MemberImport import, CancellationToken ct)
    {
        var culture = CultureInfo.GetCultureInfo(import.Culture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;
        db.RestrictToSubtree(import.OrgPath);
        var now = clock.GetUtcNow();
        var today = ChinaTime.DayOf(now);
        var snapshot = await codes.SnapshotAsync(ct);
        var run = new Run();

        var source = new CountingStream(files.OpenRead(import.SourceFile));
        using (var file = ImportFile.Open(source, import.IsXlsx, Columns(import)))
        {
            file.ThrowIfColumnsMissing();
            var batches = Channel.CreateBounded<Row[]>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var producer = Task.Run(() => ProduceAsync(import, file, snapshot, today, now, batches.Writer, stop.Token), stop.Token);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            try
            {
                await foreach (var batch in batches.Reader.ReadAllAsync(ct))
                {
                    await WriteBatchAsync(import, run, batch, now, ct);
                    await progress.BeatAsync(import, run.Rows, source.BytesRead, ct);
                }

                await producer;
            }
            catch
            {
                await stop.CancelAsync();
                await Task.WhenAny(producer);
                throw;
            }

            import.Rows = run.Rows;
            import.Rejected = run.Errors.Count;
            // A file of which no row could be taken is a failure, whatever the mode: nothing was imported.
            import.Applied = run.Errors.Count == 0 || (import.Mode == ImportMode.ValidRows && run.Errors.Count < run.Rows);
            import.Summary = run.Errors.Count == 0 ? null : run.Summary.ToJson();
            // The report is in place before the result that points to it commits.
            if (run.Errors.Count > 0)
            {
                WriteReport(import, run.Errors);
            }

            if (import.Applied)
            {
                (import.Added, import.Updated, import.Unchanged) = (run.Added, run.Updated, run.Unchanged);
                await rollups.AdjustMembersAsync(run.Rollups.Values, ct);
                await stats.FlushAsync(ct);
                await FinishAsync(import, ct);
                await transaction.CommitAsync(ct);
            }
            else
            {
                await transaction.RollbackAsync(ct);
                db.ChangeTracker.Clear();
            }
        }

        if (!import.Applied)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await FinishAsync(import, ct);
            await transaction.CommitAsync(ct);
        }

        progress.Forget(import.Id);
        files.Delete(import.SourceFile);
    }

    /// <summary>
    /// Reads, checks and prepares rows in batches (checks and encryption in parallel), and looks up each batch's
    /// unions and people already on record on a connection of its own, so that the database answers lookups
    /// while it writes the previous batch. A person recorded by someone else between lookup and write meets
    /// the unique index: the import then fails whole and can be started again.
    /// </summary>
    private async Task ProduceAsync(MemberImport import, ImportFile file, CodeTableSnapshot snapshot, DateOnly today, DateTimeOffset now,
        ChannelWriter<Row[]> output, CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var reader = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            reader.RestrictToSubtree(import.OrgPath);
            var directory = scope.ServiceProvider.GetRequiredService<IOrgDirectory>();
            var unions = new Dictionary<string, OrgSummary?>(StringComparer.Ordinal);
            foreach (var chunk in file.Rows().Chunk(BatchSize))
            {
                var batch = chunk.Select(r => new Row(r)).ToArray();
                Parallel.For(0, batch.Length, new ParallelOptions { CancellationToken = ct }, i => Prepare(file, batch[i], snapshot, today, now));
                await ResolveUnionsAsync(directory, unions, batch, ct);
                await LoadStoredAsync(reader, batch, ct);
                await output.WriteAsync(batch, ct);
            }

            output.Complete();
        }
        catch (Exception ex)
        {
            output.Complete(ex);
            throw;
        }
    }

    private void Prepare(ImportFile file, Row row, CodeTableSnapshot snapshot, DateOnly today, DateTimeOffset now)
    {
        var (input, unionCode, problems) = MemberTemplate.Read(file.CellsOf(row.Source));
        row.UnionCode = unionCode;
        row.Problems = problems;
        try
        {
            var valid = MemberValidator.Validate(input, today, snapshot);
            if (problems.Count == 0)
            {
                row.Fresh = record.Prepare(valid, now);
            }
        }
        catch (ValidationFailedException ex)
        {
            // A cell the template could not read is already named once; the validator's echo of it adds nothing.
            problems.AddRange(ex.Errors.Where(e => problems.All(p => p.Reason != e.Key)).SelectMany(e => e.Value.Select(text => new RowProblem(e.Key, text))));
        }
    }

    private async Task WriteBatchAsync(MemberImport import, Run run, Row[] batch, DateTimeOffset now, CancellationToken ct)
    {
        foreach (var row in batch)
        {
            run.Rows++;
            var union = row.Union;
            if (union is null || !union.IsActive || union.Level != RegisterMember.GrassrootsLevel)
            {
                row.Problems.Insert(0, new RowProblem(RejectionSummary.Checks.UnionCode, row.UnionCode.Length == 0
                    ? Loc.T("请填写基层工会代码", "Enter the union code")
                    : Loc.T($"基层工会代码“{row.UnionCode}”不存在或不在您的管辖范围内", $"Union code '{row.UnionCode}' does not exist or is outside your part of the tree")));
            }
            else if (row.Fresh is { } fresh)
            {
                MemberRecord.PlaceIn(fresh, union);
                if (run.FirstRowOfPerson.TryGetValue(fresh.IdHash, out var first))
                {
                    row.Problems.Add(new RowProblem(RejectionSummary.Checks.Duplicate, Loc.T($"与第 {first} 行证件号码重复", $"Same ID number as row {first}")));
                }
                else
                {
                    run.FirstRowOfPerson[fresh.IdHash] = row.Source.Number;
                }
            }
        }

        var candidates = batch.Where(r => r.Problems.Count == 0 && r.Fresh is not null).ToList();
        var added = new List<Member>();
        foreach (var row in candidates)
        {
            var fresh = row.Fresh!;
            if (row.Stored is not { } stored)
            {
                added.Add(fresh);
            }
            else if (stored.OrgId != fresh.OrgId)
            {
                row.Problems.Add(new RowProblem(RejectionSummary.Checks.Elsewhere, RegisterMember.OnRecordElsewhere(await orgs.FindInScopeAsync(stored.OrgId, ct))));
            }
            else if (MemberRecord.Differs(stored, fresh))
            {
                db.Members.Attach(stored);
                stats.Add(stored.OrgPath, Statistics.Contribution.Of(stored).Negate());
                MemberRecord.CopyDetails(fresh, stored);
                stats.Add(stored.OrgPath, Statistics.Contribution.Of(stored));
                stored.Version++;
                run.Updated++;
            }
            else
            {
                run.Unchanged++;
            }
        }

        foreach (var row in batch.Where(r => r.Problems.Count > 0))
        {
            run.Errors[row.Source.Number] = string.Join("；", row.Problems.Select(p => p.Text));
            run.Summary.Add(row.Source.Number, row.Problems);
        }

        run.Added += added.Count;
        // All or nothing: once a row is rejected nothing more is written; the rest is only checked for the report.
        if (import.Mode == ImportMode.AllOrNothing && run.Errors.Count > 0)
        {
            db.ChangeTracker.Clear();
            return;
        }

        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        await db.InsertManyAsync(added, ct);
        await db.InsertManyAsync(added.Select(m => new MembershipEvent
        {
            MemberId = m.Id,
            OrgId = m.OrgId,
            At = now,
            Status = MembershipStatus.Active,
            Note = "批量导入：" + import.FileName,
            ActorName = import.ActorName,
        }).ToList(), ct);
        foreach (var member in added)
        {
            stats.Add(member.OrgPath, Statistics.Contribution.Of(member));
            var (path, delta) = run.Rollups.GetValueOrDefault(member.OrgId, (member.OrgPath, 0));
            run.Rollups[member.OrgId] = (path, delta + 1);
        }
    }

    private static async Task ResolveUnionsAsync(IOrgDirectory directory, Dictionary<string, OrgSummary?> known, Row[] batch, CancellationToken ct)
    {
        var unseen = batch.Select(r => r.UnionCode).Where(c => c.Length > 0 && !known.ContainsKey(c)).Distinct().ToList();
        if (unseen.Count > 0)
        {
            var found = await directory.FindByCodesAsync(unseen, ct);
            foreach (var code in unseen)
            {
                known[code] = found.GetValueOrDefault(code);
            }
        }

        foreach (var row in batch)
        {
            row.Union = known.GetValueOrDefault(row.UnionCode);
        }
    }

    /// <summary>The whole country: one person, one record. Records outside the scope are only compared, never shown.</summary>
    private static async Task LoadStoredAsync(AppDbContext reader, Row[] batch, CancellationToken ct)
    {
        var hashes = batch.Where(r => r.Fresh is not null).Select(r => r.Fresh!.IdHash).ToList();
        if (hashes.Count == 0)
        {
            return;
        }

        var stored = await reader.Members.IgnoreQueryFilters().AsNoTracking().Where(m => hashes.Contains(m.IdHash))
            .ToDictionaryAsync(m => m.IdHash, StringComparer.Ordinal, ct);
        foreach (var row in batch.Where(r => r.Fresh is not null))
        {
            row.Stored = stored.GetValueOrDefault(row.Fresh!.IdHash);
        }
    }

    private async Task FinishAsync(MemberImport import, CancellationToken ct)
    {
        var allRejected = import.Rows > 0 && import.Rejected == import.Rows;
        import.State = allRejected ? ImportState.Failed : ImportState.Completed;
        import.Failure = allRejected ? Loc.T($"全部 {import.Rows} 行均被拒绝，未导入任何数据", $"All {import.Rows} rows were rejected; nothing was imported") : null;
        import.FinishedAt = clock.GetUtcNow();
        import.LeaseUntil = null;
        import.Processed = import.Rows;
        import.BytesDone = import.FileBytes;
        import.HasErrorReport = import.Rejected > 0;
        // Only the run that holds the claim may finish the import; a run that lost it rolls back here.
        var claimed = await db.Set<MemberImport>().Where(i => i.Id == import.Id && i.Attempts == import.Attempts && i.State == ImportState.Running)
            .ExecuteUpdateAsync(s => s
                .SetProperty(i => i.State, import.State).SetProperty(i => i.FinishedAt, import.FinishedAt).SetProperty(i => i.LeaseUntil, (DateTimeOffset?)null)
                .SetProperty(i => i.Processed, import.Processed).SetProperty(i => i.BytesDone, import.BytesDone).SetProperty(i => i.Rows, import.Rows)
                .SetProperty(i => i.Added, import.Added).SetProperty(i => i.Updated, import.Updated).SetProperty(i => i.Unchanged, import.Unchanged)
                .SetProperty(i => i.Rejected, import.Rejected).SetProperty(i => i.Applied, import.Applied)
                .SetProperty(i => i.HasErrorReport, import.HasErrorReport).SetProperty(i => i.Summary, import.Summary)
                .SetProperty(i => i.Failure, import.Failure), ct);
        if (claimed == 0)
        {
            throw new ImportTakenOverException();
        }

        audit.Record(MemberAuditActions.Imported, "member-import", import.Id.ToString(), import.OrgPath, new
        {
            import.FileName,
            import.Mode,
            import.Rows,
            import.Added,
            import.Updated,
            import.Unchanged,
            import.Rejected,
            import.Applied,
        }, actorId: import.ActorId, actorName: import.ActorName);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The rejected rows of the uploaded file with their row numbers and errors: read a second time, so that clean imports pay nothing for it.</summary>
    private void WriteReport(MemberImport import, Dictionary<int, string> errors)
    {
        using var file = ImportFile.Open(files.OpenRead(import.SourceFile), import.IsXlsx, Columns(import));
        using var report = new ImportReportWriter(files.Create(import.ReportFile), file.Headers);
        foreach (var row in file.Rows())
        {
            if (errors.TryGetValue(row.Number, out var error))
            {
                report.Write(row, error);
            }
        }
    }

    /// <summary>The columns as checked when the import was queued; the union's remembered choice may have changed since.</summary>
    private static ColumnChoices Columns(MemberImport import) => new(TemplateColumns.Parse(import.ColumnMap));
}

/// <summary>Another runner has taken the import over (this run's lease lapsed); this run must stop without committing.</summary>
public sealed class ImportTakenOverException() : Exception("The import was taken over by another runner.");