using Microsoft.EntityFrameworkCore;

using WorkersHome.Modules.Members.Register;
using WorkersHome.Modules.Organizations.Contracts;
using WorkersHome.Platform.Audit;
using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Persistence;
using WorkersHome.Platform.Privacy;
using WorkersHome.Platform.Statistics;

namespace WorkersHome.Modules.Members.Join;

/// <summary>
/// 网上入会: a worker applies on a phone to the union they choose, with the registry's fields and checks; one
/// person, one record, so a member already on the roll is sent to a transfer instead.
/// </summary>
public sealed class SubmitJoinApplication(
    AppDbContext db, MemberValidator validator, PersonalDataProtector protector, IOrgDirectory orgs, AuditTrail audit, TimeProvider clock)
{
    public async Task<JoinApplication> ExecuteAsync(ApplicantPhone phone, JoinForm form, CancellationToken ct)
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
        var valid = await validator.ValidateAsync(form.ToInput(protector.Decrypt(phone.Cipher), ChinaTime.DayOf(now)), ChinaTime.DayOf(now), ct);
        var idHash = protector.BlindIndex(valid.IdNumber);
        if (await db.Members.IgnoreQueryFilters().AnyAsync(m => m.IdHash == idHash && (m.Status == MembershipStatus.Active || m.Status == MembershipStatus.Retained), ct))
        {
            // Nothing about the record is told: the number typed may not be the applicant's own.
            new FieldErrors().Add(nameof(JoinForm.IdNumber), "该证件号码已是在册会员，无需重复入会；如更换了工作单位，请办理会籍转接",
                "This ID number belongs to a member already; to move to another union, ask for a transfer").ThrowIfAny();
        }

        var application = JoinApplication.Submit(RandomPool.CreateVersion7(now), phone, form, valid.Name, idHash, protector.Encrypt(valid.IdNumber),
            Mask.IdNumber(valid.IdNumber), union!.Id, union.Path, now);
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
}