using WorkersHome.Modules.Members.Contracts;
using WorkersHome.Platform.Audit;
using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Privacy;

namespace WorkersHome.Modules.Rights.Cases;

/// <summary>A member found for a phone on the line, as the agent sees them (masked).</summary>
public sealed record CallerMember(Guid Id, string Name, string IdMasked, long OrgId, string StatusName);

public sealed record CallerMatch(string PhoneMasked, IReadOnlyList<CallerMember> Members, IReadOnlyList<CaseRow> EarlierCases);

/// <summary>
/// The agent's first move: the number on the line finds the member (through the registry's keyed hash of phones, never
/// compared in clear) and their earlier cases. Audited, since it discloses who a phone belongs to.
/// </summary>
public sealed class CaseCallers(IMemberDirectory members, CaseQueries queries, PersonalDataProtector protector, AuditTrail audit)
{
    public async Task<CallerMatch> FindAsync(string? phone, CancellationToken ct)
    {
        var number = phone?.Trim() ?? "";
        if (!MobileNumber.IsValid(number))
        {
            new FieldErrors().Add(nameof(CaseInput.Phone), "请填写 11 位手机号码", "Enter an 11-digit mobile number").ThrowIfAny();
        }

        var hash = protector.BlindIndex(number);
        var found = await members.FindByPhoneInScopeAsync(hash, ct);
        var earlier = await queries.ByPhoneAsync(hash, ct);
        await audit.RecordNowAsync(RightsAuditActions.CallerLookedUp, "phone", Mask.Phone(number), detail: new { members = found.Count, cases = earlier.Count }, ct: ct);
        return new(Mask.Phone(number), found.Select(m => new CallerMember(m.Id, Mask.Name(m.Name), m.IdMasked, m.OrgId, Platform.Localization.Loc.T(m.StatusZh, m.StatusEn))).ToList(), earlier);
    }
}