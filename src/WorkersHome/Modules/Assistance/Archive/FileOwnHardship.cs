using Microsoft.EntityFrameworkCore;

using WorkersHome.Modules.Members.Contracts;
using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Persistence;

namespace WorkersHome.Modules.Assistance.Archive;

/// <summary>The signed-in member files for their own household, or files a returned (or not yet checked) file again.</summary>
public sealed class FileOwnHardship(AppDbContext db, IMemberDirectory members, FileHardshipForMember filing, RefileHardship refiling)
{
    public async Task<HardshipFile> ExecuteAsync(Guid memberId, HardshipForm form, CancellationToken ct)
    {
        var member = await members.FindCheckedAsync(memberId, ct) ?? throw new NotFoundException();
        var open = await db.HardshipFiles.IgnoreQueryFilters().FirstOrDefaultAsync(f => f.MemberId == memberId && f.Status != HardshipStatus.Exited, ct);
        return open is not null && HardshipFile.Allows(open.Status, HardshipStepKind.Refiled)
            ? await refiling.RefileAsync(open, open.Version, form, HardshipFile.ByMember, ct)
            : await filing.OpenAsync(member, form, HardshipFile.ByMember, ct);
    }
}