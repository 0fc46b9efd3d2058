using System.Text.Json;

using Microsoft.EntityFrameworkCore;

using WorkersHome.Modules.Cards.Contracts;
using WorkersHome.Modules.Members.Register;
using WorkersHome.Modules.Members.SignIn;
using WorkersHome.Modules.Organizations.Contracts;
using WorkersHome.Platform.Audit;
using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Notices;
using WorkersHome.Platform.Persistence;
using WorkersHome.Platform.Privacy;
using WorkersHome.Platform.Security;
using WorkersHome.Platform.Sms;
using WorkersHome.Platform.Statistics;

namespace WorkersHome.Modules.Members.Join;

/// <summary>The application form: the registry's fields (the ID number and phone come apart), and the union chosen.</summary>
public sealed record JoinForm
{
    public long OrgId { get; init; }

    public string? Name { get; init; }

    public string? Ethnicity { get; init; }

    public string? IdNumber { get; init; }

    public string? Education { get; init; }

    public string? PoliticalStatus { get; init; }

    public string? EmployerName { get; init; }

    public EmploymentForm? EmploymentForm { get; init; }

    public string? PlatformName { get; init; }

    public bool IsMigrantWorker { get; init; }

    public string? HouseholdRegistration { get; init; }
}

/// <summary>The applicant's phone, as their sign-in cookie carries it.</summary>
public sealed record ApplicantPhone(string Hash, string Masked, string Cipher);

public sealed record JoinApplicationView(Guid Id, string Name, string IdMasked, string PhoneMasked, string UnionName, JoinStatus Status, string StatusLabel,
    DateTimeOffset SubmittedAt, DateTimeOffset? DecidedAt, string? Reason, double WaitingHours, int Version, string? EmployerName, string EmploymentForm);

public static class JoinAuditActions
{
    public const string Applied = "member.join-applied";
    public const string Decided = "member.join-decided";
}

/// <summary>
/// 网上入会: a worker applies on a phone to the union they choose; the union's officer approves (the member record
/// and card are created, the phone is linked for sign-in) or rejects with a reason; the applicant hears by SMS and
/// sees it on their page. The same registry checks apply as anywhere: one person, one record.
/// </summary>
public sealed class JoinDesk(
    AppDbContext db, MemberValidator validator, PersonalDataProtector protector, IOrgDirectory orgs, RegisterMember register, ICardIssuer cards,
    LinkMemberPhone logins, ISmsSender sms, NoticeBoard notices, AuditTrail audit, CurrentCadre cadre, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<JoinApplication> SubmitAsync(ApplicantPhone phone, JoinForm form, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(phone.Cipher))
        {
            // A sign-in from before applications existed carries no phone to reach the applicant at.
            throw new ConflictException(Loc.T("请重新登录后再提交申请", "Please sign in again, then apply"));
        }

        var union = await orgs.FindJoinableAsync(form.OrgId, ct);
        if (union is null)
        {
            new FieldErrors().Add(nameof(JoinForm.OrgId), "请选择要加入的基层工会", "Choose the union to join").ThrowIfAny();
        }

        var now = clock.GetUtcNow();
        var valid = await validator.ValidateAsync(ToInput(form, protector.Decrypt(phone.Cipher), ChinaTime.DayOf(now)), ChinaTime.DayOf(now), ct);
        var idHash = protector.BlindIndex(valid.IdNumber);
        if (await db.Members.IgnoreQueryFilters().AnyAsync(m => m.IdHash == idHash && (m.Status == MembershipStatus.Active || m.Status == MembershipStatus.Retained), ct))
        {
            // Nothing about the record is told: the number typed may not be the applicant's own.
            new FieldErrors().Add(nameof(JoinForm.IdNumber), "该证件号码已是在册会员，无需重复入会；如更换了工作单位，请办理会籍转接",
                "This ID number belongs to a member already; to move to another union, ask for a transfer").ThrowIfAny();
        }

        var application = new JoinApplication
        {
            Id = RandomPool.CreateVersion7(now),
            PhoneHash = phone.Hash,
            PhoneCipher = phone.Cipher,
            PhoneMasked = phone.Masked,
            Name = valid.Name,
            IdHash = idHash,
            IdCipher = protector.Encrypt(valid.IdNumber),
            IdMasked = Mask.IdNumber(valid.IdNumber),
            Details = JsonSerializer.Serialize(form with { IdNumber = null }, Json),
            OrgId = union!.Id,
            OrgPath = union.Path,
            Status = JoinStatus.Pending,
            SubmittedAt = now,
        };
        db.JoinApplications.Add(application);
        db.Counters.Add(union.Path, Metrics.JoinReceived, Metrics.Month(ChinaTime.DayOf(now)));
        audit.Record(JoinAuditActions.Applied, "join-application", application.Id.ToString(), union.Path, new { application.IdMasked, union = union.Code },
            actorName: phone.Masked);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            throw new ConflictException(Loc.T("该证件号码已有待审核的入会申请，请等待工会审核，或撤回后重新申请",
                "An application for this ID number is already waiting; wait for the union, or withdraw it and apply again"));
        }

        return application;
    }

    public async Task<IReadOnlyList<JoinApplicationView>> MineAsync(string phoneHash, CancellationToken ct) =>
        await ViewsAsync(db.JoinApplications.IgnoreQueryFilters().Where(a => a.PhoneHash == phoneHash).OrderByDescending(a => a.SubmittedAt), ct);

    public async Task WithdrawAsync(string phoneHash, Guid id, int version, CancellationToken ct)
    {
        var application = await db.JoinApplications.IgnoreQueryFilters().FirstOrDefaultAsync(a => a.Id == id && a.PhoneHash == phoneHash, ct)
            ?? throw new NotFoundException();
        await DecideAsync(application, version, JoinStatus.Withdrawn, null, application.PhoneMasked, ct);
    }

    /// <summary>Applications waiting in the cadre's subtree, oldest first.</summary>
    public Task<IReadOnlyList<JoinApplicationView>> QueueAsync(CancellationToken ct) =>
        ViewsAsync(db.JoinApplications.Where(a => a.Status == JoinStatus.Pending).OrderBy(a => a.SubmittedAt), ct);

    public async Task<Guid> ApproveAsync(Guid id, int version, CancellationToken ct)
    {
        var application = await db.JoinApplications.FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFoundException();
        EnsurePending(application, version);
        var phone = protector.Decrypt(application.PhoneCipher);
        var form = JsonSerializer.Deserialize<JoinForm>(application.Details, Json)! with { IdNumber = protector.Decrypt(application.IdCipher), OrgId = application.OrgId };
        // An approval that stopped after the record was made (a crash) finds it and finishes; otherwise the registry's
        // own checks run again as the officer: the person may have joined elsewhere meanwhile.
        var memberId = await db.Members.Where(m => m.IdHash == application.IdHash && m.OrgId == application.OrgId && m.Status == MembershipStatus.Active)
            .Select(m => (Guid?)m.Id).FirstOrDefaultAsync(ct)
            ?? (await register.ExecuteAsync(ToInput(form, phone, ChinaTime.DayOf(clock.GetUtcNow())), ct)).Id;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // The phone that applied signs straight in as the new member.
        await logins.LinkAsync(memberId, application.PhoneHash, application.PhoneMasked, ct);
        application.MemberId = memberId;
        var union = await orgs.PublicNameAsync(application.OrgId, ct) ?? "";
        sms.QueueNotice(phone, Loc.T($"【网上职工之家】您申请加入{union}已通过审核，欢迎成为工会会员！登录即可查看会员卡。",
            $"[WorkersHome] Your application to join {union} is approved. Welcome! Sign in to see your member card."));
        notices.Queue(application.PhoneHash, Loc.T("入会申请已通过", "Application approved"),
            Loc.T($"您申请加入{union}已通过审核，欢迎成为工会会员！您的会员卡已开通。", $"Your application to join {union} is approved. Welcome! Your member card is ready."), "/m/Card");
        await DecideAsync(application, version, JoinStatus.Approved, null, cadre.UserName, ct);
        await transaction.CommitAsync(ct);
        // In its own transaction; should it fail, the card is issued when the member first opens it.
        await cards.IssueAsync(memberId, cadre.UserName, ct);
        return memberId;
    }

    public async Task RejectAsync(Guid id, int version, string? reason, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            new FieldErrors().Add("reason", "请填写不予通过的原因", "Give the reason for the rejection").ThrowIfAny();
        }

        var application = await db.JoinApplications.FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFoundException();
        EnsurePending(application, version);
        var union = await orgs.PublicNameAsync(application.OrgId, ct) ?? "";
        sms.QueueNotice(protector.Decrypt(application.PhoneCipher), Loc.T($"【网上职工之家】您申请加入{union}未通过审核，原因：{reason!.Trim()}。",
            $"[WorkersHome] Your application to join {union} was not approved: {reason!.Trim()}."));
        notices.Queue(application.PhoneHash, Loc.T("入会申请未通过", "Application not approved"),
            Loc.T($"您申请加入{union}未通过审核，原因：{reason!.Trim()}。您可以修改后重新申请。", $"Your application to join {union} was not approved: {reason!.Trim()}. You may apply again."), "/m/Join");
        await DecideAsync(application, version, JoinStatus.Rejected, reason!.Trim(), cadre.UserName, ct);
    }

    private static void EnsurePending(JoinApplication application, int version)
    {
        if (application.Status != JoinStatus.Pending || application.Version != version)
        {
            throw new ConflictException(Loc.T("该申请已处理或已变化，请刷新后查看", "The application was decided or changed meanwhile; reload it"));
        }
    }

    private async Task DecideAsync(JoinApplication application, int version, JoinStatus status, string? reason, string actor, CancellationToken ct)
    {
        EnsurePending(application, version);
        db.Entry(application).Property(a => a.Version).OriginalValue = version;
        var now = clock.GetUtcNow();
        (application.Status, application.Reason, application.DecidedAt, application.DecidedBy, application.Version) =
            (status, reason, now, actor, version + 1);
        var day = ChinaTime.DayOf(now);
        db.Counters.Add(application.OrgPath, status switch
        {
            JoinStatus.Approved => Metrics.JoinApproved,
            JoinStatus.Rejected => Metrics.JoinRejected,
            _ => Metrics.JoinWithdrawn,
        }, Metrics.Month(day));
        if (status == JoinStatus.Approved)
        {
            db.Counters.Add(application.OrgPath, Metrics.JoinApprovalMinutes, Metrics.MinutesBucket(day.Year, now - application.SubmittedAt));
        }

        audit.Record(JoinAuditActions.Decided, "join-application", application.Id.ToString(), application.OrgPath, new { status, reason }, actorName: actor);
        await db.SaveChangesAsync(ct);
    }

    private async Task<IReadOnlyList<JoinApplicationView>> ViewsAsync(IQueryable<JoinApplication> query, CancellationToken ct)
    {
        var rows = await query.AsNoTracking().Take(200).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var names = await orgs.PublicNamesAsync(rows.Select(r => r.OrgId), ct);

        return rows.Select(a =>
        {
            var form = JsonSerializer.Deserialize<JoinForm>(a.Details, Json);
            return new JoinApplicationView(a.Id, a.Name, a.IdMasked, a.PhoneMasked, names.GetValueOrDefault(a.OrgId, ""), a.Status, JoinApplication.StatusLabel(a.Status).ToString(),
                a.SubmittedAt, a.DecidedAt, a.Reason, Math.Round(((a.DecidedAt ?? now) - a.SubmittedAt).TotalHours, 1), a.Version, form?.EmployerName,
                form?.EmploymentForm is { } f ? Member.EmploymentLabel(f).ToString() : "");
        }).ToList();
    }

    private static MemberInput ToInput(JoinForm form, string phone, DateOnly joinedOn) => new()
    {
        OrgId = form.OrgId,
        Name = form.Name,
        Ethnicity = form.Ethnicity,
        IdNumber = form.IdNumber,
        Phone = phone,
        Education = form.Education,
        PoliticalStatus = form.PoliticalStatus,
        EmployerName = form.EmployerName,
        EmploymentForm = form.EmploymentForm,
        PlatformName = form.PlatformName,
        IsMigrantWorker = form.IsMigrantWorker,
        HouseholdRegistration = form.HouseholdRegistration,
        JoinedOn = joinedOn,
    };

}