using Microsoft.EntityFrameworkCore;

using WorkersHome.Platform.Audit;
using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Persistence;
using WorkersHome.Platform.Privacy;

namespace WorkersHome.Modules.Members.Register;

/// <summary>
/// Corrects a member's record with the same checks as an addition. Identity (ID number), union and status stay as they
/// are: those move through a transfer or a status change with their own history. A blank phone keeps the stored one,
/// so that editing never needs the full number on screen.
/// </summary>
public sealed class UpdateMember(AppDbContext db, MemberValidator validator, MemberRecord record, PersonalDataProtector protector,
    Statistics.MemberStatsWriter stats, AuditTrail audit, TimeProvider clock)
{
    public const string AuditAction = "member.updated";

    public async Task<Member> ExecuteAsync(Guid id, int expectedVersion, MemberInput input, CancellationToken ct = default)
    {
        var member = await db.Members.FirstOrDefaultAsync(m => m.Id == id, ct) ?? throw new NotFoundException();
        if (!Member.CountsAsMember(member.Status))
        {
            throw new ConflictException(Loc.T($"会籍状态为“{Member.StatusLabel(member.Status).Zh}”的记录不能修改",
                $"A record whose membership is {Member.StatusLabel(member.Status).En} cannot be edited"));
        }

        var now = clock.GetUtcNow();
        var keepPhone = string.IsNullOrWhiteSpace(input.Phone) && member.PhoneCipher is not null;
        var complete = input with
        {
            OrgId = member.OrgId,
            IdType = member.IdType,
            IdNumber = protector.Decrypt(member.IdCipher),
            Phone = keepPhone ? protector.Decrypt(member.PhoneCipher!) : input.Phone,
        };
        var fresh = record.Prepare(await validator.ValidateAsync(complete, ChinaTime.DayOf(now), ct), now);
        if (!MemberRecord.Differs(member, fresh))
        {
            return member;
        }

        var changed = ChangedFields(member, fresh);
        db.Entry(member).Property(m => m.Version).OriginalValue = expectedVersion;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        stats.Add(member.OrgPath, Statistics.Contribution.Of(member).Negate());
        MemberRecord.CopyDetails(fresh, member);
        member.Version = expectedVersion + 1;
        stats.Add(member.OrgPath, Statistics.Contribution.Of(member));
        audit.Record(AuditAction, "member", member.Id.ToString(), member.OrgPath, new { member.IdMasked, changed });
        // A stale version fails here with 409: someone else changed the member meanwhile.
        await db.SaveChangesAsync(ct);
        await stats.FlushAsync(ct);
        await transaction.CommitAsync(ct);
        return member;
    }

    /// <summary>The names (never the values) of what changed, for the audit trail.</summary>
    private static string[] ChangedFields(Member stored, Member fresh) =>
    [
        .. new (string Name, bool Changed)[]
        {
            (nameof(Member.Name), stored.Name != fresh.Name),
            (nameof(Member.Gender), stored.Gender != fresh.Gender),
            (nameof(Member.EthnicityCode), stored.EthnicityCode != fresh.EthnicityCode),
            (nameof(Member.BirthDate), stored.BirthDate != fresh.BirthDate),
            ("Phone", stored.PhoneHash != fresh.PhoneHash),
            (nameof(Member.EducationCode), stored.EducationCode != fresh.EducationCode),
            (nameof(Member.PoliticalStatusCode), stored.PoliticalStatusCode != fresh.PoliticalStatusCode),
            (nameof(Member.EmployerName), stored.EmployerName != fresh.EmployerName),
            (nameof(Member.EmploymentForm), stored.EmploymentForm != fresh.EmploymentForm),
            (nameof(Member.PlatformName), stored.PlatformName != fresh.PlatformName),
            (nameof(Member.IsMigrantWorker), stored.IsMigrantWorker != fresh.IsMigrantWorker),
            (nameof(Member.HouseholdRegistration), stored.HouseholdRegistration != fresh.HouseholdRegistration),
            (nameof(Member.JoinedOn), stored.JoinedOn != fresh.JoinedOn),
        }.Where(f => f.Changed).Select(f => f.Name),
    ];
}