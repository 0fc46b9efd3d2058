using Microsoft.EntityFrameworkCore;

using WorkersHome.Modules.Organizations.Contracts;
using WorkersHome.Platform.Audit;
using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Persistence;
using WorkersHome.Platform.Security;

namespace WorkersHome.Modules.Members.Register;

/// <summary>
/// Adds a person to a grassroots union. A person already on record anywhere in the country is refused
/// with the way forward (a transfer), naming their union only when it lies in the asker's subtree.
/// </summary>
public sealed class RegisterMember(
    AppDbContext db, MemberValidator validator, IOrgDirectory orgs, IOrgRollupWriter rollups, MemberRecord record, Statistics.MemberStatsWriter stats,
    AuditTrail audit, CurrentCadre cadre, TimeProvider clock)
{
    /// <summary>OrgSummary.Level of a grassroots union (the tree's fifth level below the nation).</summary>
    public const int GrassrootsLevel = 5;

    public async Task<Member> ExecuteAsync(MemberInput input, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var valid = await validator.ValidateAsync(input, ChinaTime.DayOf(now), ct);
        var org = await orgs.FindInScopeAsync(input.OrgId, ct);
        if (org is null || !org.IsActive || org.Level != GrassrootsLevel)
        {
            new FieldErrors().Add(nameof(MemberInput.OrgId), "请选择您管辖范围内的基层工会", "Choose a grassroots union in your part of the tree").ThrowIfAny();
        }

        var idHash = record.IdHash(valid);
        await EnsureNotOnRecordAsync(idHash, ct);
        var member = record.Create(valid, org!, now);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Members.Add(member);
        db.MembershipEvents.Add(new MembershipEvent
        {
            MemberId = member.Id,
            OrgId = member.OrgId,
            At = now,
            Status = MembershipStatus.Active,
            Note = "入会",
            ActorName = cadre.UserNameOrNull ?? "system",
        });
        audit.Record(MemberAuditActions.Added, "member", member.Id.ToString(), member.OrgPath, new { member.IdMasked, org = org!.Code });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two cadres added the same person at once; the unique index let exactly one through.
            if (await IsOnRecordAsync(idHash, ct))
            {
                throw new ConflictException(Loc.T("此人已有会员记录，请发起会籍转接", "This person is already on record; start a transfer"));
            }

            throw;
        }

        await rollups.AdjustMembersAsync(member.OrgId, +1, ct);
        stats.Add(member.OrgPath, Statistics.Contribution.Of(member));
        await stats.FlushAsync(ct);
        await transaction.CommitAsync(ct);
        return member;
    }

    private async Task EnsureNotOnRecordAsync(string idHash, CancellationToken ct)
    {
        var existing = await db.Members.IgnoreQueryFilters().AsNoTracking()
            .Where(m => m.IdHash == idHash)
            .Select(m => new { m.OrgId, m.Status })
            .FirstOrDefaultAsync(ct);
        if (existing is null)
        {
            return;
        }

        throw new ConflictException(OnRecordElsewhere(await orgs.FindInScopeAsync(existing.OrgId, ct)));
    }

    /// <summary>The answer for a person already on record: their union is named only when the asker may see it.</summary>
    public static string OnRecordElsewhere(OrgSummary? theirUnionInScope) => theirUnionInScope is { } union
        ? Loc.T($"此人已是“{union.Name}”的会员，请办理会籍转接", $"Already a member of {union.Name}; start a transfer")
        : Loc.T("此人已是其他工会的会员，请发起会籍转接申请", "Already a member of another union; start a transfer request");

    private async Task<bool> IsOnRecordAsync(string idHash, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        return await db.Members.IgnoreQueryFilters().AnyAsync(m => m.IdHash == idHash, ct);
    }
}

public static class MemberAuditActions
{
    public const string Added = "member.added";
    public const string StatusChanged = "member.status-changed";
    public const string Revealed = "member.revealed";
    public const string Imported = "member.imported";
    public const string Exported = "member.exported";
    public const string CodeTableChanged = "member.code-table-changed";
    public const string PhoneLinked = "member.phone-linked";
    public const string PhoneLinkRefused = "member.phone-link-refused";
}