using System.Security.Cryptography;

using Microsoft.EntityFrameworkCore;

using WorkersHome.Modules.Members.Contracts;
using WorkersHome.Modules.Organizations.Contracts;
using WorkersHome.Modules.Rights.Calendar;
using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Persistence;
using WorkersHome.Platform.Privacy;
using WorkersHome.Platform.Security;

namespace WorkersHome.Modules.Rights.Cases;

/// <summary>A case as filed, and whether this submission had been filed before (nothing new was created).</summary>
public sealed record CaseFiled(RightsCase Case, bool Repeated);

/// <summary>A caller's phone as the case keeps it: encrypted, by keyed hash, and masked for screens.</summary>
public sealed record CallerPhone(string Cipher, string Hash, string Masked);

/// <summary>A message's sender on a channel that has no phone (a WeChat OpenID): encrypted, and by keyed hash.</summary>
public sealed record MessageSender(string Cipher, string Hash);

/// <summary>
/// 统一接听: every channel files its cases here. The caller and the employer are checked, the case is routed to the
/// union responsible, its deadlines are counted on the working calendar, and it is saved once per submission key.
/// </summary>
public sealed class CaseIntake(
    AppDbContext db, IMemberDirectory members, IOrgDirectory orgs, CaseRouting routing, WorkCalendar calendar, PersonalDataProtector protector,
    CaseSteps steps, CaseReplies replies, CurrentCadre cadre, TimeProvider clock)
{
    /// <summary>A hotline agent (or a handler at the desk) files a case for a caller; the member, if named, must be in their scope.</summary>
    public async Task<CaseFiled> FileForCallerAsync(CaseInput input, CaseChannel channel, CancellationToken ct)
    {
        MemberSummary? member = null;
        if (input.MemberId is { } memberId && !input.Anonymous)
        {
            member = await members.FindInScopeAsync(memberId, ct);
            if (member is null)
            {
                new FieldErrors().Add(nameof(CaseInput.MemberId), "所选会员不在您的管理范围内", "The member chosen is not in your part of the tree").ThrowIfAny();
            }
        }

        var phone = input.Anonymous ? null
            : !string.IsNullOrWhiteSpace(input.Phone) && MobileNumber.IsValid(input.Phone.Trim()) ? Protect(input.Phone.Trim())
            : member is not null && await members.PhoneAsync(member.Id, ct) is { } registered ? new CallerPhone(registered.Cipher, registered.Hash, registered.Masked)
            : null;
        return await FileAsync(input, channel, member, phone, $"c:{cadre.UserId:N}:", cadre.UserName, ct);
    }

    /// <summary>A signed-in member files on the phone; the case keeps the phone they signed in with.</summary>
    public async Task<CaseFiled> FileForMemberAsync(Guid memberId, CallerPhone phone, CaseInput input, CancellationToken ct)
    {
        var member = await members.FindCheckedAsync(memberId, ct) ?? throw new NotFoundException();
        input.Anonymous = false;
        input.Complexity = null;
        input.Answer = null;
        return await FileAsync(input, CaseChannel.Online, member, phone, $"m:{memberId:N}:", RightsCase.ByMember, ct);
    }

    /// <summary>A message from a channel (WeChat, SMS) files a case under the channel's own key (its message id).</summary>
    internal Task<CaseFiled> FileFromMessageAsync(CaseInput input, CaseChannel channel, MemberSummary? member, CallerPhone? phone, string messageKey,
        CancellationToken ct, MessageSender? sender = null) => FileAsync(input, channel, member, phone, "", RightsCase.ByMember, ct, messageKey, sender);

    public CallerPhone Protect(string phone) => new(protector.Encrypt(phone), protector.BlindIndex(phone), Mask.Phone(phone));

    private async Task<CaseFiled> FileAsync(CaseInput input, CaseChannel channel, MemberSummary? member, CallerPhone? phone, string keyPrefix, string actor,
        CancellationToken ct, string? fullKey = null, MessageSender? sender = null)
    {
        var submission = fullKey ?? keyPrefix + (CaseRules.Cut(input.SubmissionKey, 80) ?? Guid.NewGuid().ToString("N"));
        if (await FindSubmittedAsync(submission, ct) is { } sent)
        {
            return new(sent, true);
        }

        CaseRules.Check(input, member is not null);
        if (member is { CountsAsMember: false })
        {
            member = null;
        }

        var employer = await EmployerAsync(input, ct);
        var (route, employerUnion) = await routing.RouteAsync(input.EmployerOrgId, input.PlaceOrgId, member?.OrgId, ct);
        var kind = input.Kind!.Value;
        var complexity = CaseRules.ComplexityOf(input);
        var rule = await db.TimeLimitRules.AsNoTracking().FirstAsync(r => r.Kind == kind && r.Complexity == complexity, ct);
        var days = await calendar.LoadAsync(ct);
        var now = clock.GetUtcNow();
        for (var attempt = 1; ; attempt++)
        {
            var filed = RightsCase.File(new CaseFiling(
                RandomPool.CreateVersion7(now), TrackingNumber(now), submission, kind, input.Topic!.Value, complexity, channel, input.Subject!.Trim(),
                protector.Encrypt(input.Details?.Trim() ?? ""), member?.Id, input.Anonymous ? null : member?.Name ?? CaseRules.Cut(input.CallerName, 30),
                phone?.Cipher, phone?.Hash, phone?.Masked, input.EmployerMayKnow, employerUnion?.Id, employerUnion?.Path, employer, route,
                input.AmountClaimed, input.WorkersAffected ?? 0, now, days.Deadline(now, rule.AcceptDays), days.Deadline(now, rule.ResolveDays), actor,
                sender?.Cipher, sender?.Hash));
            filed.CountedWith(rule.AcceptDays, rule.ResolveDays);
            db.RightsCases.Add(filed);
            steps.Stage(filed, 0, CaseStepKind.Filed, $"{CaseLabels.Of(channel)}；{route.Why}：{route.OrgName}", actor, to: (route.OrgId, route.OrgName));
            if (CaseRules.Cut(input.Answer, CaseRules.MaxDetails) is { } answer)
            {
                filed.AnswerOnSpot(answer, now);
                steps.Stage(filed, filed.Version, CaseStepKind.AnsweredOnSpot, answer, actor);
            }

            replies.Filed(filed);
            if (filed.Status == CaseStatus.Closed)
            {
                replies.Resolved(filed);
            }

            try
            {
                await db.SaveChangesAsync(ct);
                return new(filed, false);
            }
            catch (DbUpdateException ex) when (ex is not DbUpdateConcurrencyException)
            {
                // The same submission at once from two requests: the unique key lets one in, and the other answers with it.
                db.ChangeTracker.Clear();
                if (await FindSubmittedAsync(submission, ct) is { } raced)
                {
                    return new(raced, true);
                }

                if (attempt == 3)
                {
                    throw;
                }
            }
        }
    }

    private Task<RightsCase?> FindSubmittedAsync(string submission, CancellationToken ct) =>
        db.RightsCases.IgnoreQueryFilters().FirstOrDefaultAsync(c => c.SubmissionKey == submission, ct);

    /// <summary>The employer's name: from the grassroots union picked in the registry, or as typed.</summary>
    private async Task<string> EmployerAsync(CaseInput input, CancellationToken ct)
    {
        if (input.EmployerOrgId is { } id)
        {
            var union = await orgs.FindJoinableAsync(id, ct);
            if (union is null)
            {
                new FieldErrors().Add(nameof(CaseInput.EmployerOrgId), "所选用人单位工会不存在或已撤销", "The employer's union chosen does not exist or has closed").ThrowIfAny();
            }

            return union!.EmployerName ?? union.Name;
        }

        if (input.PlaceOrgId is { } place && (await orgs.LineageAsync(place, ct)).Count == 0)
        {
            new FieldErrors().Add(nameof(CaseInput.PlaceOrgId), "所选工作地点不存在", "The place of work chosen does not exist").ThrowIfAny();
        }

        return CaseRules.Cut(input.EmployerName, 100) ?? "";
    }

    /// <summary>WQ, the China date (yyMMdd) and eight random digits: not guessable from another case's number.</summary>
    private static string TrackingNumber(DateTimeOffset now) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"WQ{ChinaTime.DayOf(now):yyMMdd}{RandomNumberGenerator.GetInt32(0, 100_000_000):D8}");
}