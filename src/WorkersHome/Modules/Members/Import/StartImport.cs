using System.Globalization;

using Microsoft.EntityFrameworkCore;

using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Files;
using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Persistence;
using WorkersHome.Platform.Security;

namespace WorkersHome.Modules.Members.Import;

/// <summary>
/// Takes an uploaded member file: stores it sealed, finds its header row and matches its columns at once
/// (the template's names, common alternatives, the union's remembered choices, the caller's explicit ones),
/// and queues it for the runner. A file whose required columns are still unmatched is refused with the
/// columns named, or (from the import page) held until the cadre says which column is which.
/// </summary>
public sealed class StartImport(AppDbContext db, SealedFileStore files, CurrentCadre cadre, TimeProvider clock, ImportRunner runner)
{
    public Task<MemberImport> ExecuteAsync(Stream upload, string fileName, ImportMode mode, CancellationToken ct = default) =>
        ExecuteAsync(upload, fileName, mode, columns: null, holdWhenUnmatched: false, ct);

    /// <param name="columns">Explicit choices (template field → the file's header); remembered for the union once the file is accepted.</param>
    /// <param name="holdWhenUnmatched">Keep a file with unmatched required columns, waiting for <see cref="ChooseColumnsAsync"/>, instead of refusing it.</param>
    public async Task<MemberImport> ExecuteAsync(Stream upload, string fileName, ImportMode mode, IReadOnlyDictionary<string, string>? columns,
        bool holdWhenUnmatched, CancellationToken ct = default)
    {
        if (!Enum.IsDefined(mode))
        {
            new FieldErrors().Add("mode", "请选择导入方式", "Choose how to import").ThrowIfAny();
        }

        var name = Path.GetFileName(fileName);
        var import = new MemberImport
        {
            Id = Guid.CreateVersion7(),
            At = clock.GetUtcNow(),
            ActorId = cadre.UserIdOrNull,
            ActorName = cadre.UserNameOrNull ?? "system",
            OrgPath = cadre.IsSignedIn ? cadre.OrgPath : db.ScopePath ?? "/",
            Culture = Loc.IsEnglish ? Loc.English : Loc.Chinese,
            FileName = name.Length > 200 ? name[^200..] : name,
            Mode = mode,
        };
        var remembered = await RememberedAsync(import.OrgPath, ct);
        try
        {
            await using (var sink = files.Create(import.SourceFile))
            {
                await upload.CopyToAsync(sink, ct);
                import.FileBytes = sink.Length;
            }

            // Opening reads and matches the header; the rows wait for the runner.
            using var check = ImportFile.Open(files.OpenRead(import.SourceFile), import.IsXlsx, new ColumnChoices(columns, remembered));
            if (check.Layout.Missing.Count > 0 && holdWhenUnmatched)
            {
                import.State = ImportState.AwaitingColumns;
            }
            else
            {
                check.ThrowIfColumnsMissing();
                import.ColumnMap = check.Layout.ToMap(check.Headers);
                if (columns is { Count: > 0 })
                {
                    await RememberAsync(import.OrgPath, columns, ct);
                }
            }
        }
        catch
        {
            files.Delete(import.SourceFile);
            throw;
        }

        db.Set<MemberImport>().Add(import);
        await db.SaveChangesAsync(ct);
        runner.Wake();
        return import;
    }

    /// <summary>
    /// The cadre's answer for a held file: which of its columns feeds which template field. The choice is
    /// remembered for the union, and the file is queued once every required field has a column.
    /// </summary>
    public async Task<MemberImport> ChooseColumnsAsync(Guid id, IReadOnlyDictionary<string, string> columns, CancellationToken ct = default)
    {
        var import = await db.Set<MemberImport>().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (import is null || !cadre.Covers(import.OrgPath))
        {
            throw new NotFoundException();
        }

        if (import.State != ImportState.AwaitingColumns || !files.Exists(import.SourceFile))
        {
            throw new ConflictException(Loc.T("该导入不在等待选择列的状态", "This import is not waiting for its columns"));
        }

        var chosen = columns.Where(c => MemberTemplate.Headers.Contains(c.Key) && !string.IsNullOrWhiteSpace(c.Value))
            .ToDictionary(c => c.Key, c => c.Value.Trim());
        using (var file = ImportFile.Open(files.OpenRead(import.SourceFile), import.IsXlsx, new ColumnChoices(chosen)))
        {
            var errors = new FieldErrors();
            foreach (var field in file.Layout.Missing)
            {
                errors.Add(field, $"请为“{field}”选择文件中的列", $"Choose the file's column for '{field}'");
            }

            errors.ThrowIfAny();
            import.ColumnMap = file.Layout.ToMap(file.Headers);
        }

        await RememberAsync(import.OrgPath, chosen, ct);
        import.State = ImportState.Queued;
        await db.SaveChangesAsync(ct);
        runner.Wake();
        return import;
    }

    private async Task<Dictionary<string, string>> RememberedAsync(string orgPath, CancellationToken ct) =>
        TemplateColumns.Parse(await db.Set<ImportColumnMapping>().Where(m => m.OrgPath == orgPath).Select(m => m.Map).FirstOrDefaultAsync(ct));

    /// <summary>Only the choices that differ from what the template's names already match are worth remembering.</summary>
    private async Task RememberAsync(string orgPath, IReadOnlyDictionary<string, string> chosen, CancellationToken ct)
    {
        var worth = chosen.Where(c => TemplateColumns.FieldOf(c.Value) != c.Key).ToList();
        if (worth.Count == 0)
        {
            return;
        }

        var mapping = await db.Set<ImportColumnMapping>().FirstOrDefaultAsync(m => m.OrgPath == orgPath, ct);
        if (mapping is null)
        {
            mapping = new ImportColumnMapping { OrgPath = orgPath };
            db.Set<ImportColumnMapping>().Add(mapping);
        }

        var map = TemplateColumns.Parse(mapping.Map);
        foreach (var (field, header) in worth)
        {
            map[field] = header;
        }

        mapping.Map = TemplateColumns.Serialize(map);
        mapping.UpdatedAt = clock.GetUtcNow();
        mapping.UpdatedBy = cadre.UserNameOrNull ?? "system";
    }

    /// <summary>
    /// The cadre gives up on a held file (the wrong file, or columns they cannot match): it ends as failed, and its
    /// stored copy, which holds personal data, is deleted rather than kept until someone answers.
    /// </summary>
    public async Task<MemberImport> DiscardAsync(Guid id, CancellationToken ct = default)
    {
        var import = await db.Set<MemberImport>().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (import is null || !cadre.Covers(import.OrgPath))
        {
            throw new NotFoundException();
        }

        if (import.State != ImportState.AwaitingColumns)
        {
            throw new ConflictException(Loc.T("只有等待选择列的导入可以放弃", "Only an import waiting for its columns can be discarded"));
        }

        import.State = ImportState.Failed;
        import.Failure = Loc.T("已放弃：未选择列，文件已删除", "Discarded: no columns were chosen and the file was deleted");
        import.FinishedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        files.Delete(import.SourceFile);
        return import;
    }

    /// <summary>Starts a failed import again from its stored file.</summary>
    public async Task<MemberImport> RestartAsync(Guid id, CancellationToken ct = default)
    {
        var import = await db.Set<MemberImport>().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (import is null || !cadre.Covers(import.OrgPath))
        {
            throw new NotFoundException();
        }

        if (import.State != ImportState.Failed || !files.Exists(import.SourceFile))
        {
            throw new ConflictException(Loc.T("只有失败且文件仍在的导入可以重新开始", "Only a failed import whose file is still stored can be started again"));
        }

        import.State = ImportState.Queued;
        import.Failure = null;
        import.AttemptsBeforeRestart = import.Attempts;
        import.Culture = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? Loc.English : Loc.Chinese;
        await db.SaveChangesAsync(ct);
        runner.Wake();
        return import;
    }
}