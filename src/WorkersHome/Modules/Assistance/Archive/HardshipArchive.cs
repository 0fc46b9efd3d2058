using System.Text.Json;

using Microsoft.EntityFrameworkCore;

using WorkersHome.Modules.Members.Contracts;
using WorkersHome.Modules.Organizations.Contracts;
using WorkersHome.Platform.Audit;
using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Notices;
using WorkersHome.Platform.Persistence;
using WorkersHome.Platform.Privacy;
using WorkersHome.Platform.Security;
using WorkersHome.Platform.Statistics;

namespace WorkersHome.Modules.Assistance.Archive;

public sealed record ThreeChecks(int Version, bool Family, bool Cause, bool Needs);

public sealed record FileDecision(int Version, string? Reason);

public sealed record ReviewDecision(int Version, string? Reason, HardshipForm? Form);

public static class HardshipAuditActions
{
    public const string Step = "assistance.hardship-step";
    public const string DetailsViewed = "assistance.hardship-viewed";
    public const string AttachmentAdded = "assistance.attachment-added";
    public const string AttachmentViewed = "assistance.attachment-viewed";
    public const string LedgerExported = "assistance.ledger-exported";
}

/// <summary>
/// The hardship archive's steps: a member (on the phone) or a cadre files; the grassroots union confirms the 三清 and
/// proposes; the approving level (county by default) approves or returns with reasons; approved households are
/// reviewed every year and leave the archive (脱困) with a reason. Every step is kept in the file's history with the
/// rules' finding, and marks the member as a hardship household (or not) in the same transaction.
/// </summary>
public sealed class HardshipArchive(
    AppDbContext db, IMemberDirectory members, IMemberGroupMarker groups, IOrgDirectory orgs, PersonalDataProtector protector,
    NoticeBoard notices, AuditTrail audit, CurrentCadre cadre, ArchiveOptions options, TimeProvider clock)
{
    public const string ByMember = "member";
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>A cadre files for a member of their subtree.</summary>
    public async Task<HardshipFile> FileForMemberAsync(Guid memberId, HardshipForm form, CancellationToken ct)
    {
        var member = await members.FindInScopeAsync(memberId, ct) ?? throw new NotFoundException();
        return await FileAsync(member, form, cadre.UserName, ct);
    }

    /// <summary>The signed-in member files for their own household, or files a returned file again.</summary>
    public async Task<HardshipFile> FileOwnAsync(Guid memberId, HardshipForm form, CancellationToken ct)
    {
        var member = await members.FindCheckedAsync(memberId, ct) ?? throw new NotFoundException();
        var open = await db.HardshipFiles.IgnoreQueryFilters().FirstOrDefaultAsync(f => f.MemberId == memberId && f.Status != HardshipStatus.Exited, ct);
        return open is { Status: HardshipStatus.Returned or HardshipStatus.Submitted }
            ? await RefileAsync(open, open.Version, form, ByMember, ct)
            : await FileAsync(member, form, ByMember, ct);
    }

    /// <summary>A cadre corrects a file that waits for the union's check or came back, and files it again.</summary>
    public async Task<HardshipFile> RefileAsync(Guid fileId, int version, HardshipForm form, CancellationToken ct) =>
        await RefileAsync(await FindAsync(fileId, ct), version, form, cadre.UserName, ct);

    public async Task CheckAsync(Guid fileId, ThreeChecks checks, CancellationToken ct)
    {
        var file = await FindAsync(fileId, ct);
        Expect(file, checks.Version, HardshipStatus.Submitted);
        (file.FamilyChecked, file.CauseChecked, file.NeedsChecked, file.CheckedBy) = (checks.Family, checks.Cause, checks.Needs, cadre.UserName);
        await SaveStepAsync(file, checks.Version, HardshipStepKind.Checked, ThreeChecksText(file), null, ct);
    }

    public async Task ProposeAsync(Guid fileId, FileDecision decision, CancellationToken ct)
    {
        var file = await FindAsync(fileId, ct);
        Expect(file, decision.Version, HardshipStatus.Submitted);
        if (!file.ThreeChecksDone)
        {
            throw new ConflictException(Loc.T("“三清”尚未全部核实（家庭状况、致困原因、帮扶需求），不能推荐", "Confirm all three checks (family, cause, needs) before proposing"));
        }

        (file.Status, file.ProposedBy) = (HardshipStatus.Proposed, cadre.UserName);
        await SaveStepAsync(file, decision.Version, HardshipStepKind.Proposed, IncomeText(file), Trim(decision.Reason), ct);
    }

    public async Task ApproveAsync(Guid fileId, FileDecision decision, CancellationToken ct)
    {
        var file = await FindAsync(fileId, ct);
        Expect(file, decision.Version, HardshipStatus.Proposed);
        await EnsureApprovingLevelAsync(file, ct);
        if (ProposerRefusal(file) is { } proposer)
        {
            throw new ConflictException(proposer);
        }

        var (belowLine, income) = HardshipFormRules.IncomeOutcome(Details(file), options.IncomeLineFor(file.OrgPath));
        if (!belowLine && string.IsNullOrWhiteSpace(decision.Reason))
        {
            new FieldErrors().Add(nameof(FileDecision.Reason), "家庭人均收入高于困难标准，批准时须说明特殊困难", "Income is above the hardship line: give the reason for approving").ThrowIfAny();
        }

        var today = ChinaTime.DayOf(clock.GetUtcNow());
        (file.Status, file.ApprovedOn, file.ReviewDueOn) = (HardshipStatus.Active, today, today.AddMonths(options.ReviewMonths));
        await groups.SetAsync(file.MemberId, MemberGroups.Hardship, true, "困难职工档案审批通过", ct);
        db.Counters.Add(file.OrgPath, Metrics.HardshipHouseholds, (int)file.PrimaryCause);
        await NotifyAsync(file, Loc.T("困难职工档案已建立", "Hardship file approved"),
            Loc.T($"您的困难职工建档申请已审批通过，下次复核时间为 {file.ReviewDueOn:yyyy-MM-dd}。工会将与您联系帮扶事宜。",
                $"Your hardship file is approved; it is next reviewed on {file.ReviewDueOn:yyyy-MM-dd}. The union will contact you."), ct);
        await SaveStepAsync(file, decision.Version, HardshipStepKind.Approved, income.ToString(), Trim(decision.Reason), ct);
    }

    /// <summary>Sends a file back with reasons, from the union's check or from the approving level.</summary>
    public async Task ReturnAsync(Guid fileId, FileDecision decision, CancellationToken ct)
    {
        var reason = RequireReason(decision.Reason, "请填写退回原因", "Give the reason for returning the file");
        var file = await FindAsync(fileId, ct);
        Expect(file, decision.Version, HardshipStatus.Submitted, HardshipStatus.Proposed);
        if (file.Status == HardshipStatus.Proposed)
        {
            await EnsureApprovingLevelAsync(file, ct);
        }

        (file.Status, file.FamilyChecked, file.CauseChecked, file.NeedsChecked, file.ProposedBy) = (HardshipStatus.Returned, false, false, false, null);
        await NotifyAsync(file, Loc.T("困难职工建档申请被退回", "Hardship file returned"),
            Loc.T($"您的困难职工建档申请被退回，原因：{reason}。请修改后重新提交。", $"Your hardship file was returned: {reason}. Please correct it and file again."), ct);
        await SaveStepAsync(file, decision.Version, HardshipStepKind.Returned, ThreeChecksText(file), reason, ct);
    }

    /// <summary>The annual review: the household is still in hardship; its situation may be updated at the same time.</summary>
    public async Task ReverifyAsync(Guid fileId, ReviewDecision decision, CancellationToken ct)
    {
        var file = await FindAsync(fileId, ct);
        Expect(file, decision.Version, HardshipStatus.Active);
        if (decision.Form is { } form)
        {
            var valid = HardshipFormRules.Validate(form);
            if (valid.PrimaryCause != file.PrimaryCause)
            {
                db.Counters.Move(file.OrgPath, Metrics.HardshipHouseholds, (int)file.PrimaryCause, (int)valid.PrimaryCause);
            }

            Apply(file, valid);
        }

        file.ReviewDueOn = ChinaTime.DayOf(clock.GetUtcNow()).AddMonths(options.ReviewMonths);
        await SaveStepAsync(file, decision.Version, HardshipStepKind.Reverified, IncomeText(file), Trim(decision.Reason), ct);
    }

    /// <summary>脱困: the household leaves the archive, and the member the hardship group.</summary>
    public async Task ExitAsync(Guid fileId, FileDecision decision, CancellationToken ct)
    {
        var reason = RequireReason(decision.Reason, "请填写脱困原因", "Give the reason for leaving the archive");
        var file = await FindAsync(fileId, ct);
        Expect(file, decision.Version, HardshipStatus.Active);
        (file.Status, file.ExitedOn) = (HardshipStatus.Exited, ChinaTime.DayOf(clock.GetUtcNow()));
        await groups.SetAsync(file.MemberId, MemberGroups.Hardship, false, "困难职工脱困退档", ct);
        db.Counters.Add(file.OrgPath, Metrics.HardshipHouseholds, (int)file.PrimaryCause, -1);
        await SaveStepAsync(file, decision.Version, HardshipStepKind.Exited, "", reason, ct);
    }

    internal HardshipDetails Details(HardshipFile file) => JsonSerializer.Deserialize<HardshipDetails>(protector.Decrypt(file.DetailsCipher), Json)!;

    private async Task<HardshipFile> FileAsync(MemberSummary member, HardshipForm form, string actor, CancellationToken ct)
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

        var file = new HardshipFile
        {
            Id = RandomPool.CreateVersion7(clock.GetUtcNow()),
            MemberId = member.Id,
            MemberName = member.Name,
            IdMasked = member.IdMasked,
            OrgId = member.OrgId,
            OrgPath = member.OrgPath,
            Status = HardshipStatus.Submitted,
            FiledBy = actor,
            FiledAt = clock.GetUtcNow(),
        };
        Apply(file, valid);
        db.HardshipFiles.Add(file);
        try
        {
            await SaveStepAsync(file, 0, HardshipStepKind.Filed, IncomeText(file), null, ct);
        }
        catch (DbUpdateException ex) when (ex is not DbUpdateConcurrencyException)
        {
            // Two submissions at once: the one-open-file index lets only one in.
            db.ChangeTracker.Clear();
            throw new ConflictException(Loc.T("该会员已有困难职工档案，请勿重复提交", "This member already has a hardship file; it was not filed twice"));
        }

        return file;
    }

    private async Task<HardshipFile> RefileAsync(HardshipFile file, int version, HardshipForm form, string actor, CancellationToken ct)
    {
        Expect(file, version, HardshipStatus.Submitted, HardshipStatus.Returned);
        Apply(file, HardshipFormRules.Validate(form));
        (file.Status, file.FamilyChecked, file.CauseChecked, file.NeedsChecked) = (HardshipStatus.Submitted, false, false, false);
        await SaveStepAsync(file, version, HardshipStepKind.Refiled, IncomeText(file), null, ct, actor);
        return file;
    }

    private void Apply(HardshipFile file, ValidHardshipForm valid)
    {
        file.DetailsCipher = protector.Encrypt(JsonSerializer.Serialize(valid.Details, Json));
        (file.Causes, file.PrimaryCause, file.Housing, file.HouseholdSize) = (valid.Causes, valid.PrimaryCause, valid.Housing, valid.Details.Household.Count);
    }

    private async Task<HardshipFile> FindAsync(Guid id, CancellationToken ct) =>
        await db.HardshipFiles.FirstOrDefaultAsync(f => f.Id == id, ct) ?? throw new NotFoundException();

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

    private async Task EnsureApprovingLevelAsync(HardshipFile file, CancellationToken ct)
    {
        if (await ApprovingLevelRefusalAsync(file, ct) is { } refusal)
        {
            throw new ForbiddenException(refusal);
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

    private static void Expect(HardshipFile file, int version, params HardshipStatus[] allowed)
    {
        if (file.Version != version || !allowed.Contains(file.Status))
        {
            throw new ConflictException(Loc.T($"该档案已变化（当前：{HardshipFile.StatusLabel(file.Status).Zh}），请刷新后再办理",
                $"The file changed meanwhile (now: {HardshipFile.StatusLabel(file.Status).En}); reload it"));
        }
    }

    private string IncomeText(HardshipFile file) => HardshipFormRules.IncomeOutcome(Details(file), options.IncomeLineFor(file.OrgPath)).Text;

    private static string ThreeChecksText(HardshipFile file)
    {
        static string Mark(bool done) => done ? Loc.T("已核实", "confirmed") : Loc.T("未核实", "not confirmed");
        return Loc.T($"三清：家庭状况{Mark(file.FamilyChecked)}，致困原因{Mark(file.CauseChecked)}，帮扶需求{Mark(file.NeedsChecked)}",
            $"Checks: family {Mark(file.FamilyChecked)}, cause {Mark(file.CauseChecked)}, needs {Mark(file.NeedsChecked)}");
    }

    private static string? Trim(string? reason) => string.IsNullOrWhiteSpace(reason) ? null : reason.Trim()[..Math.Min(reason.Trim().Length, 500)];

    private static string RequireReason(string? reason, string zh, string en)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            new FieldErrors().Add(nameof(FileDecision.Reason), zh, en).ThrowIfAny();
        }

        return Trim(reason)!;
    }

    private async Task NotifyAsync(HardshipFile file, string title, string body, CancellationToken ct)
    {
        if (await members.SignInPhoneHashAsync(file.MemberId, ct) is { } phoneHash)
        {
            notices.Queue(phoneHash, title, body, "/m/Hardship");
        }
    }

    private async Task SaveStepAsync(HardshipFile file, int version, HardshipStepKind kind, string outcome, string? reason, CancellationToken ct, string? actor = null)
    {
        actor ??= cadre.UserNameOrNull ?? ByMember;
        if (version > 0)
        {
            db.Entry(file).Property(f => f.Version).OriginalValue = version;
        }

        file.Version = version + 1;
        file.LastReason = reason ?? file.LastReason;
        db.HardshipSteps.Add(new HardshipStep
        {
            FileId = file.Id,
            Kind = kind,
            Actor = actor,
            ActorOrg = actor == ByMember ? "" : cadre.OrgName,
            At = clock.GetUtcNow(),
            Outcome = outcome,
            Reason = reason,
        });
        audit.Record(HardshipAuditActions.Step, "hardship-file", file.Id.ToString(), file.OrgPath, new { kind, file.Status, reason },
            actorName: actor == ByMember ? file.MemberName : null);
        // A stale version fails here with 409: someone else acted on the file meanwhile.
        await db.SaveChangesAsync(ct);
    }
}