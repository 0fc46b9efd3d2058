using Microsoft.EntityFrameworkCore;

using WorkersHome.Modules.Members.Contracts;
using WorkersHome.Platform.Audit;
using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Notices;
using WorkersHome.Platform.Persistence;
using WorkersHome.Platform.Security;

namespace WorkersHome.Modules.Assistance.Archive;

/// <summary>A decision on a file, taken on the version the cadre saw, with its reason where one is given or required.</summary>
public sealed record FileDecision(int Version, string? Reason);

public static class HardshipAuditActions
{
    public const string Step = "assistance.hardship-step";
    public const string DetailsViewed = "assistance.hardship-viewed";
    public const string AttachmentAdded = "assistance.attachment-added";
    public const string AttachmentViewed = "assistance.attachment-viewed";
    public const string LedgerExported = "assistance.ledger-exported";
}

/// <summary>
/// What every step of the hardship archive shares: finding the file in scope at the version the actor saw, the rules'
/// finding on its income, the notice to the member, and saving the step — the file's history, the audit record and the
/// file itself in one transaction, which a stale version fails with 409.
/// </summary>
public sealed class HardshipFileSteps(AppDbContext db, IMemberDirectory members, HardshipDetailsCipher details, NoticeBoard notices, AuditTrail audit,
    CurrentCadre cadre, ArchiveOptions options, TimeProvider clock)
{
    public const int MaxReasonLength = 500;

    public DateOnly Today => ChinaTime.DayOf(clock.GetUtcNow());

    /// <summary>The next annual review's due date, counted from today.</summary>
    public DateOnly NextReviewDueOn => Today.AddMonths(options.ReviewMonths);

    /// <summary>The file in the actor's scope, if the step is allowed on it at the version they saw.</summary>
    public async Task<HardshipFile> FindAsync(Guid id, HardshipStepKind step, int version, CancellationToken ct)
    {
        var file = await db.HardshipFiles.FirstOrDefaultAsync(f => f.Id == id, ct) ?? throw new NotFoundException();
        file.EnsureCan(step, version);
        return file;
    }

    public static string? Trim(string? reason) => FormText.Cut(reason, MaxReasonLength);

    public static string RequireReason(string? reason, string zh, string en)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            new FieldErrors().Add(nameof(FileDecision.Reason), zh, en).ThrowIfAny();
        }

        return Trim(reason)!;
    }

    /// <summary>The household's income against the hardship line of the file's place.</summary>
    public (bool BelowLine, string Text) Income(HardshipFile file) => HardshipFormRules.IncomeOutcome(details.Read(file), options.IncomeLineFor(file.OrgPath));

    public string IncomeText(HardshipFile file) => Income(file).Text;

    public static string ThreeChecksText(HardshipFile file)
    {
        static string Mark(bool done) => done ? Loc.T("已核实", "confirmed") : Loc.T("未核实", "not confirmed");
        return Loc.T($"三清：家庭状况{Mark(file.FamilyChecked)}，致困原因{Mark(file.CauseChecked)}，帮扶需求{Mark(file.NeedsChecked)}",
            $"Checks: family {Mark(file.FamilyChecked)}, cause {Mark(file.CauseChecked)}, needs {Mark(file.NeedsChecked)}");
    }

    /// <summary>Tells the member on their phone, if they have signed in there.</summary>
    public async Task NotifyAsync(HardshipFile file, string title, string body, CancellationToken ct)
    {
        if (await members.SignInPhoneHashAsync(file.MemberId, ct) is { } phoneHash)
        {
            notices.Queue(phoneHash, title, body, "/m/Hardship");
        }
    }

    public async Task SaveAsync(HardshipFile file, int version, HardshipStepKind kind, string outcome, string? reason, CancellationToken ct, string? actor = null)
    {
        actor ??= cadre.UserNameOrNull ?? HardshipFile.ByMember;
        if (version > 0)
        {
            db.Entry(file).Property(f => f.Version).OriginalValue = version;
        }

        file.Stamp(version, reason);
        db.HardshipSteps.Add(new HardshipStep
        {
            FileId = file.Id,
            Kind = kind,
            Actor = actor,
            ActorOrg = actor == HardshipFile.ByMember ? "" : cadre.OrgName,
            At = clock.GetUtcNow(),
            Outcome = outcome,
            Reason = reason,
        });
        audit.Record(HardshipAuditActions.Step, "hardship-file", file.Id.ToString(), file.OrgPath, new { kind, file.Status, reason },
            actorName: actor == HardshipFile.ByMember ? file.MemberName : null);
        // A stale version fails here with 409: someone else acted on the file meanwhile.
        await db.SaveChangesAsync(ct);
    }
}