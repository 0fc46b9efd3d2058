using System.Globalization;

using Microsoft.EntityFrameworkCore;

using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Files;
using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Persistence;
using WorkersHome.Platform.Security;

namespace WorkersHome.Modules.Members.Import;

/// <summary>
/// Takes an uploaded member file: stores it sealed, checks its header at once (a wrong file is refused
/// before it is queued), and queues it for the runner. The caller gets the import to follow.
/// </summary>
public sealed class StartImport(AppDbContext db, SealedFileStore files, CurrentCadre cadre, TimeProvider clock, ImportRunner runner)
{
    public async Task<MemberImport> ExecuteAsync(Stream upload, string fileName, ImportMode mode, CancellationToken ct = default)
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
        try
        {
            await using (var sink = files.Create(import.SourceFile))
            {
                await upload.CopyToAsync(sink, ct);
                import.FileBytes = sink.Length;
            }

            // Opening reads and checks the header; the rows wait for the runner.
            using var check = ImportFile.Open(files.OpenRead(import.SourceFile), import.IsXlsx);
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