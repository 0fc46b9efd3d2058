using Microsoft.EntityFrameworkCore;

using WorkersHome.Modules.Members.Contracts;
using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Persistence;
using WorkersHome.Platform.Privacy;
using WorkersHome.Platform.Security;

namespace WorkersHome.Modules.Assistance.Archive;

/// <summary>A cadre files for a member of their subtree: one open file per member.</summary>
public sealed class FileHardshipForMember(AppDbContext db, IMemberDirectory members, HardshipDetailsCipher details, HardshipFileSteps steps, CurrentCadre cadre,
    TimeProvider clock)
{
    public async Task<HardshipFile> ExecuteAsync(Guid memberId, HardshipForm form, CancellationToken ct)
    {
        var member = await members.FindInScopeAsync(memberId, ct) ?? throw new NotFoundException();
        return await OpenAsync(member, form, cadre.UserName, ct);
    }

    /// <summary>Opens a new file for the member's household, filed by <paramref name="actor"/> (a cadre, or the member on the phone).</summary>
    internal async Task<HardshipFile> OpenAsync(MemberSummary member, HardshipForm form, string actor, CancellationToken ct)
    {
        if (!member.CountsAsMember)
        {
            throw new ConflictException(Loc.T("该会员的会籍已终止，不能建立困难职工档案", "This membership has ended; no hardship file can be opened"));
        }

        var valid = HardshipFormRules.Validate(form);
        var open = await db.HardshipFiles.IgnoreQueryFilters().Where(f => f.MemberId == member.Id && f.Status != HardshipStatus.Exited)
            .Select(f => (HardshipStatus?)f.Status).FirstOrDefaultAsync(ct);
        if (open is { } status)
        {
            throw new ConflictException(Loc.T($"该会员已有困难职工档案（{HardshipFile.StatusLabel(status).Zh}），请在原档案上办理",
                $"This member already has a hardship file ({HardshipFile.StatusLabel(status).En}); work on that one"));
        }

        var file = HardshipFile.Open(RandomPool.CreateVersion7(clock.GetUtcNow()), member.Id, member.Name, member.IdMasked, member.OrgId, member.OrgPath,
            actor, clock.GetUtcNow());
        details.Describe(file, valid);
        db.HardshipFiles.Add(file);
        try
        {
            await steps.SaveAsync(file, 0, HardshipStepKind.Filed, steps.IncomeText(file), null, ct);
        }
        catch (DbUpdateException ex) when (ex is not DbUpdateConcurrencyException)
        {
            // Two submissions at once: the one-open-file index lets only one in.
            db.ChangeTracker.Clear();
            throw new ConflictException(Loc.T("该会员已有困难职工档案，请勿重复提交", "This member already has a hardship file; it was not filed twice"));
        }

        return file;
    }
}