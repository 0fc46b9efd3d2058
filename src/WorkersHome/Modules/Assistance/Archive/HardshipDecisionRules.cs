using Microsoft.EntityFrameworkCore;

using WorkersHome.Modules.Organizations.Contracts;
using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Persistence;
using WorkersHome.Platform.Security;

namespace WorkersHome.Modules.Assistance.Archive;

/// <summary>
/// Who may decide a proposed file: a cadre of the approving level (the county union by default) or above may return or
/// approve it, and the cadre who proposed it may not approve it. The decisions refuse by these rules, and the file's
/// page asks the same rules which buttons to offer.
/// </summary>
public sealed class HardshipDecisionRules(AppDbContext db, IOrgDirectory orgs, CurrentCadre cadre, ArchiveOptions options)
{
    /// <summary>
    /// For a proposed file, why the signed-in cadre may not return it (Decide) or approve it (Approve); null where they
    /// may. The checks the decisions run, asked by the page so that it offers only what would not be refused.
    /// </summary>
    public async Task<(string? Decide, string? Approve)> WhyNotDecideAsync(Guid fileId, CancellationToken ct)
    {
        if (!cadre.Has(AssistancePermissions.Manage))
        {
            var none = Loc.T("您没有办理困难职工档案的权限", "You may not decide hardship files");
            return (none, none);
        }

        var file = await db.HardshipFiles.AsNoTracking().FirstOrDefaultAsync(f => f.Id == fileId, ct) ?? throw new NotFoundException();
        var level = await ApprovingLevelRefusalAsync(file, ct);
        return (level, level ?? ProposerRefusal(file));
    }

    /// <summary>Refuses (403) a cadre below the approving level of the file's place.</summary>
    public async Task EnsureApprovingLevelAsync(HardshipFile file, CancellationToken ct)
    {
        if (await ApprovingLevelRefusalAsync(file, ct) is { } refusal)
        {
            throw new ForbiddenException(refusal);
        }
    }

    /// <summary>Refuses (409) the cadre who proposed the file.</summary>
    public void EnsureNotProposer(HardshipFile file)
    {
        if (ProposerRefusal(file) is { } proposer)
        {
            throw new ConflictException(proposer);
        }
    }

    private async Task<string?> ApprovingLevelRefusalAsync(HardshipFile file, CancellationToken ct)
    {
        var level = options.ApprovalLevelFor(file.OrgPath);
        var own = await orgs.FindInScopeAsync(cadre.OrgId, ct);
        return own is null || own.Level > level
            ? Loc.T($"困难职工档案须由{ArchiveOptions.LevelName(level).Zh}及以上审批", $"Hardship files are approved by a {ArchiveOptions.LevelName(level).En} or above")
            : null;
    }

    private string? ProposerRefusal(HardshipFile file) =>
        file.ProposedBy == cadre.UserName
            ? Loc.T("推荐人不能审批自己推荐的档案，请由另一位审批人办理", "The cadre who proposed a file cannot approve it; another approver must")
            : null;
}