using Microsoft.EntityFrameworkCore;

using WorkersHome.Modules.Assistance.Archive;
using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Files;
using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Persistence;
using WorkersHome.Platform.Privacy;

namespace WorkersHome.Modules.Assistance.Visits;

/// <summary>Adds a photo taken on a visit (JPG or PNG), kept encrypted in the sealed file store; a visit holds a few.</summary>
public sealed class AddVisitPhoto(AppDbContext db, SealedFileStore store, TimeProvider clock)
{
    public const long MaxPhotoBytes = 5 * 1024 * 1024;

    /// <summary>The upload rule of visit photos (<see cref="UploadLimitAttribute"/>).</summary>
    public const string PhotoUpload = "visit-photo";
    public const int MaxPhotos = 6;

    public async Task ExecuteAsync(Guid visitId, Stream content, string? fileName, CancellationToken ct)
    {
        var visit = await db.Visits.AsNoTracking().FirstOrDefaultAsync(v => v.Id == visitId, ct) ?? throw new NotFoundException();
        if (await db.VisitPhotos.CountAsync(p => p.VisitId == visit.Id, ct) >= MaxPhotos)
        {
            throw new ConflictException(Loc.T($"每次走访最多 {MaxPhotos} 张照片", $"A visit holds at most {MaxPhotos} photos"));
        }

        var bytes = await HardshipAttachments.ReadLimitedAsync(content, MaxPhotoBytes, ct);
        var type = UploadedDocuments.Require(bytes, imagesOnly: true);

        var photo = new VisitPhoto
        {
            Id = RandomPool.CreateVersion7(clock.GetUtcNow()),
            VisitId = visit.Id,
            FileName = HardshipAttachments.CleanName(fileName, type),
            ContentType = type,
            Size = bytes.Length,
            UploadedAt = clock.GetUtcNow(),
        };
        await using (var sealedFile = store.Create(photo.StoredName))
        {
            await sealedFile.WriteAsync(bytes, ct);
        }

        db.VisitPhotos.Add(photo);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            store.Delete(photo.StoredName);
            throw;
        }
    }
}