using Microsoft.EntityFrameworkCore;

using WorkersHome.Modules.Cards.Contracts;
using WorkersHome.Modules.Members.Register;
using WorkersHome.Modules.Members.SignIn;
using WorkersHome.Modules.Organizations.Contracts;
using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Persistence;
using WorkersHome.Platform.Privacy;
using WorkersHome.Platform.Security;

namespace WorkersHome.Modules.Members.Join;

/// <summary>
/// The union's officer approves an application: the member record and card are created, the phone that applied is
/// linked for sign-in, and the applicant hears by SMS and on their page.
/// </summary>
public sealed class ApproveJoinApplication(
    AppDbContext db, PersonalDataProtector protector, IOrgDirectory orgs, RegisterMember register, ICardIssuer cards, LinkMemberPhone logins,
    JoinSteps steps, CurrentCadre cadre, TimeProvider clock)
{
    public async Task<Guid> ExecuteAsync(Guid id, int version, CancellationToken ct)
    {
        var application = await db.JoinApplications.FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFoundException();
        application.EnsureCan(JoinStatus.Approved, version);
        var phone = protector.Decrypt(application.PhoneCipher);
        var form = application.Form()! with { IdNumber = protector.Decrypt(application.IdCipher), OrgId = application.OrgId };
        // An approval that stopped after the record was made (a crash) finds it and finishes; otherwise the registry's
        // own checks run again as the officer: the person may have joined elsewhere meanwhile.
        var memberId = await db.Members.Where(m => m.IdHash == application.IdHash && m.OrgId == application.OrgId && m.Status == MembershipStatus.Active)
            .Select(m => (Guid?)m.Id).FirstOrDefaultAsync(ct)
            ?? (await register.ExecuteAsync(form.ToInput(phone, ChinaTime.DayOf(clock.GetUtcNow())), ct)).Id;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // The phone that applied signs straight in as the new member.
        await logins.LinkAsync(memberId, application.PhoneHash, application.PhoneMasked, ct);
        var union = await orgs.PublicNameAsync(application.OrgId, ct) ?? "";
        steps.NotifyApplicant(application,
            Loc.T($"【网上职工之家】您申请加入{union}已通过审核，欢迎成为工会会员！登录即可查看会员卡。",
                $"[WorkersHome] Your application to join {union} is approved. Welcome! Sign in to see your member card."),
            Loc.T("入会申请已通过", "Application approved"),
            Loc.T($"您申请加入{union}已通过审核，欢迎成为工会会员！您的会员卡已开通。", $"Your application to join {union} is approved. Welcome! Your member card is ready."), "/m/Card");
        application.Approve(version, memberId, cadre.UserName, clock.GetUtcNow());
        await steps.SaveDecisionAsync(application, version, ct);
        await transaction.CommitAsync(ct);
        // In its own transaction; should it fail, the card is issued when the member first opens it.
        await cards.IssueAsync(memberId, cadre.UserName, ct);
        return memberId;
    }
}