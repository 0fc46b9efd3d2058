using Microsoft.EntityFrameworkCore;

using WorkersHome.Platform.Audit;
using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Files;
using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Persistence;
using WorkersHome.Platform.Privacy;
using WorkersHome.Platform.Security;

namespace WorkersHome.Modules.Assistance.Archive;

public sealed record OpenedAttachment(Stream Content, string ContentType, string FileName);

/// <summary>
/// Proof documents of a file: JPEG, PNG or PDF only, told by their content (not their name) and checked by decoding
/// (<see cref="UploadedDocuments"/>), within a size limit, and a PDF only without active content (scripts, launch
/// actions, embedded files). They are stored encrypted in the sealed
/// file store, outside the database row; reading one is audited.
/// </summary>
public sealed class HardshipAttachments(AppDbContext db, SealedFileStore store, AuditTrail audit, CurrentCadre cadre, ArchiveOptions options, TimeProvider clock)
{
    /// <summary>The upload rule of proof documents (<see cref="UploadLimitAttribute"/>).</summary>
    public const string Upload = "hardship-proof";

    /// <summary>A cadre adds a document to a file of the subtree.</summary>
    public async Task<AttachmentView> AddAsync(Guid fileId, Stream content, string? fileName, CancellationToken ct)
    {
        var file = await db.HardshipFiles.FirstOrDefaultAsync(f => f.Id == fileId, ct) ?? throw new NotFoundException();
        return await AddAsync(file, content, fileName, cadre.UserName, ct);
    }

    /// <summary>The member adds a document to their own open file.</summary>
    public async Task<AttachmentView> AddOwnAsync(Guid memberId, Stream content, string? fileName, CancellationToken ct)
    {
        var file = await db.HardshipFiles.IgnoreQueryFilters().FirstOrDefaultAsync(f => f.MemberId == memberId && f.Status != HardshipStatus.Exited, ct)
            ?? throw new ConflictException(Loc.T("请先提交困难职工建档申请，再上传证明材料", "File your application first, then add documents"));
        return await AddAsync(file, content, fileName, HardshipFile.ByMember, ct);
    }

    public async Task<OpenedAttachment> OpenAsync(Guid fileId, Guid attachmentId, CancellationToken ct)
    {
        var file = await db.HardshipFiles.AsNoTracking().FirstOrDefaultAsync(f => f.Id == fileId, ct) ?? throw new NotFoundException();
        if (!cadre.Has(AssistancePermissions.Sensitive))
        {
            throw new ForbiddenException(Loc.T("您无权查看证明材料", "You may not see the documents"));
        }

        var opened = await OpenAsync(file, attachmentId, ct);
        audit.Record(HardshipAuditActions.AttachmentViewed, "hardship-file", file.Id.ToString(), file.OrgPath, new { attachmentId, opened.FileName });
        await db.SaveChangesAsync(ct);
        return opened;
    }

    public async Task<OpenedAttachment> OpenOwnAsync(Guid memberId, Guid attachmentId, CancellationToken ct)
    {
        var fileId = await db.HardshipAttachments.Where(a => a.Id == attachmentId).Select(a => a.FileId).FirstOrDefaultAsync(ct);
        var file = await db.HardshipFiles.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(f => f.Id == fileId && f.MemberId == memberId, ct)
            ?? throw new NotFoundException();
        return await OpenAsync(file, attachmentId, ct);
    }

    private async Task<AttachmentView> AddAsync(HardshipFile file, Stream content, string? fileName, string actor, CancellationToken ct)
    {
        if (!file.IsOpen)
        {
            throw new ConflictException(Loc.T("档案已脱困退档，不能再上传材料", "The file is closed; no more documents can be added"));
        }

        if (await db.HardshipAttachments.CountAsync(a => a.FileId == file.Id, ct) >= options.MaxAttachments)
        {
            throw new ConflictException(Loc.T($"每份档案最多 {options.MaxAttachments} 份证明材料", $"A file holds at most {options.MaxAttachments} documents"));
        }

        var bytes = await ReadLimitedAsync(content, options.MaxAttachmentBytes, ct);
        var type = UploadedDocuments.Require(bytes, imagesOnly: false);

        var attachment = new HardshipAttachment
        {
            Id = RandomPool.CreateVersion7(clock.GetUtcNow()),
            FileId = file.Id,
            FileName = CleanName(fileName, type),
            ContentType = type,
            Size = bytes.Length,
            UploadedBy = actor,
            UploadedAt = clock.GetUtcNow(),
        };
        await using (var sealedFile = store.Create(attachment.StoredName))
        {
            await sealedFile.WriteAsync(bytes, ct);
        }

        db.HardshipAttachments.Add(attachment);
        audit.Record(HardshipAuditActions.AttachmentAdded, "hardship-file", file.Id.ToString(), file.OrgPath, new { attachment.Id, attachment.FileName, attachment.Size },
            actorName: actor == HardshipFile.ByMember ? file.MemberName : null);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            // Nothing refers to the stored copy: it goes with the failed save.
            store.Delete(attachment.StoredName);
            throw;
        }

        return new AttachmentView(attachment.Id, attachment.FileName, attachment.ContentType, attachment.Size, attachment.UploadedAt);
    }

    private async Task<OpenedAttachment> OpenAsync(HardshipFile file, Guid attachmentId, CancellationToken ct)
    {
        var attachment = await db.HardshipAttachments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == attachmentId && a.FileId == file.Id, ct)
            ?? throw new NotFoundException();
        return new OpenedAttachment(store.OpenRead(attachment.StoredName), attachment.ContentType, attachment.FileName);
    }

    internal static async Task<byte[]> ReadLimitedAsync(Stream content, long maxBytes, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                var limit = maxBytes / 1024 / 1024;
                new FieldErrors().Add("File", $"文件不能超过 {limit} MB", $"Files may be at most {limit} MB").ThrowIfAny();
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            new FieldErrors().Add("File", "请选择要上传的文件", "Choose a file to upload").ThrowIfAny();
        }

        return buffer.ToArray();
    }

    internal static string CleanName(string? fileName, string type)
    {
        var name = new string(Path.GetFileName(fileName ?? "").Where(c => !char.IsControl(c) && c is not ('"' or '\\' or '/')).ToArray()).Trim();
        var extension = type switch { "image/jpeg" => ".jpg", "image/png" => ".png", _ => ".pdf" };
        name = Path.GetFileNameWithoutExtension(name);
        return (string.IsNullOrEmpty(name) ? "证明材料" : name[..Math.Min(name.Length, 80)]) + extension;
    }
}