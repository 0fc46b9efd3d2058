using System.Runtime.CompilerServices;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

using WorkersHome.Modules.Members.Register;
using WorkersHome.Platform.Audit;
using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Persistence;
using WorkersHome.Platform.Privacy;
using WorkersHome.Platform.Sms;

namespace WorkersHome.Modules.Members.SignIn;

/// <summary>
/// First sign-in: a phone that passed its SMS code is linked to the member record whose name and ID number the
/// person confirms. Wrong answers say only that nothing matched (no hint whether the ID number exists), and a
/// phone gets five tries an hour.
/// </summary>
public sealed class LinkMemberPhone(AppDbContext db, PersonalDataProtector protector, AuditTrail audit, IMemoryCache attempts, TimeProvider clock)
{
    public const int MaxAttemptsPerHour = 5;

    public async Task<Guid?> LinkedMemberAsync(string phoneHash, CancellationToken ct)
    {
        var login = await db.MemberLogins.FirstOrDefaultAsync(l => l.PhoneHash == phoneHash, ct);
        if (login is null)
        {
            return null;
        }

        var counts = await db.Members.IgnoreQueryFilters().AnyAsync(m => m.Id == login.MemberId
            && (m.Status == MembershipStatus.Active || m.Status == MembershipStatus.Retained), ct);
        if (!counts)
        {
            return null;
        }

        login.LastSignInAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return login.MemberId;
    }

    /// <summary>
    /// Makes the phone sign in as the member (saved with the caller's next save): one phone, one member, and a member
    /// who changed phone leaves the old link behind.
    /// </summary>
    public async Task<MemberLogin> LinkAsync(Guid memberId, string phoneHash, string phoneMasked, CancellationToken ct)
    {
        await db.MemberLogins.Where(l => l.MemberId == memberId || l.PhoneHash == phoneHash).ExecuteDeleteAsync(ct);
        var login = new MemberLogin { MemberId = memberId, PhoneHash = phoneHash, PhoneMasked = phoneMasked, LinkedAt = clock.GetUtcNow() };
        db.MemberLogins.Add(login);
        return login;
    }

    public async Task<Guid> ExecuteAsync(string phoneHash, string phoneMasked, string? name, string? idNumber, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(name))
        {
            errors.Add("name", "请输入姓名", "Enter your name");
        }

        if (string.IsNullOrWhiteSpace(idNumber))
        {
            errors.Add("idNumber", "请输入证件号码", "Enter your ID number");
        }

        errors.ThrowIfAny();
        var key = "member-link:" + phoneHash;
        var tries = attempts.GetOrCreate(key, e =>
        {
            e.AbsoluteExpirationRelativeToNow = TimeSpan.FromHours(1);
            e.Size = 1;
            return new StrongBox<int>(0);
        })!;
        if (Interlocked.Increment(ref tries.Value) > MaxAttemptsPerHour)
        {
            throw new TooManyRequestsException(Platform.Localization.Loc.T("尝试次数过多，请一小时后再试", "Too many tries; try again in an hour"));
        }

        var idHash = protector.BlindIndex(idNumber!);
        var member = await db.Members.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(m => m.IdHash == idHash, ct);
        if (member is null || member.Name != name!.Trim() || !Member.CountsAsMember(member.Status))
        {
            audit.Record(MemberAuditActions.PhoneLinkRefused, "phone", phoneMasked, succeeded: false);
            await db.SaveChangesAsync(ct);
            new FieldErrors().Add("idNumber", "姓名与证件号码未匹配到在册会员，请核对；如尚未入会，请先申请入会",
                "No active member matches this name and ID number; check them, or apply to join first").ThrowIfAny();
        }

        if (member!.PhoneHash is { } onFile && onFile != phoneHash)
        {
            new FieldErrors().Add("idNumber", "会员档案中登记的手机号与本机号码不一致，请联系所在工会更新手机号",
                "Your member record has another mobile number; ask your union to update it").ThrowIfAny();
        }

        // Linking is this phone's sign-in.
        (await LinkAsync(member.Id, phoneHash, phoneMasked, ct)).LastSignInAt = clock.GetUtcNow();
        audit.Record(MemberAuditActions.PhoneLinked, "member", member.Id.ToString(), member.OrgPath, new { phone = phoneMasked }, actorName: phoneMasked);
        await db.SaveChangesAsync(ct);
        return member.Id;
    }
}