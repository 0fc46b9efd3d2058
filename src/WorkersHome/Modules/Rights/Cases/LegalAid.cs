using Microsoft.EntityFrameworkCore;

using WorkersHome.Platform.Audit;
using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Persistence;
using WorkersHome.Platform.Persistence.OrgOwnership;
using WorkersHome.Platform.Security;

namespace WorkersHome.Modules.Rights.Cases;

/// <summary>
/// A lawyer on a union's legal-aid roster (法律援助律师库). <see cref="ConflictsWith"/> lists the employers the lawyer
/// or their firm acts for, one per line: such a lawyer is never assigned to a case against them.
/// </summary>
[OrgOwned(WhenUnionMoves.FollowsUnion)]
public sealed class Lawyer
{
    public long Id { get; set; }

    public string Name { get; set; } = "";

    public string Firm { get; set; } = "";

    public string LicenseNumber { get; set; } = "";

    public string Specialties { get; set; } = "";

    public string ConflictsWith { get; set; } = "";

    public bool Active { get; set; } = true;

    public long OrgId { get; set; }

    public string OrgPath { get; set; } = "";

    /// <summary>Whether the lawyer (or firm) acts for the employer: a listed name contained in the employer's name, or the reverse.</summary>
    public bool HasConflictWith(string employer)
    {
        var name = Normalize(employer);
        return name.Length > 0 && ConflictsWith.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(Normalize).Any(c => c.Length >= 2 && (name.Contains(c, StringComparison.Ordinal) || c.Contains(name, StringComparison.Ordinal)));
    }

    /// <summary>The name without spaces and without remarks in brackets (“某公司（常年法律顾问）”).</summary>
    private static string Normalize(string text) =>
        new(System.Text.RegularExpressions.Regex.Replace(text, "[（(][^）)]*[）)]", "").Where(ch => !char.IsWhiteSpace(ch)).ToArray());
}

public sealed record LawyerInput(string? Name, string? Firm, string? LicenseNumber, string? Specialties, string? ConflictsWith);

public sealed record LawyerView(long Id, string Name, string Firm, string LicenseNumber, string Specialties, string ConflictsWith, bool Active);

public sealed record LegalAidInput(int Version, long? LawyerId, string? Note);

/// <summary>The roster of the cadre's union and the unions above it, and the assignment of a lawyer to a case with the conflict check.</summary>
public sealed class LegalAid(AppDbContext db, CaseSteps steps, AuditTrail audit, CurrentCadre cadre)
{
    public const string RosterAudit = "rights.lawyer-added";

    /// <summary>Lawyers a handler may assign: those kept by their own union or by any union above it.</summary>
    public async Task<IReadOnlyList<LawyerView>> RosterAsync(CancellationToken ct)
    {
        var path = cadre.OrgPath;
        var lawyers = await db.Set<Lawyer>().IgnoreQueryFilters().AsNoTracking().Where(l => l.Active).ToListAsync(ct);
        return lawyers.Where(l => path.StartsWith(l.OrgPath, StringComparison.Ordinal))
            .OrderBy(l => l.Name).Select(View).ToList();
    }

    public async Task<LawyerView> AddAsync(LawyerInput input, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(input.Name) || input.Name.Trim().Length > 30)
        {
            errors.Add(nameof(LawyerInput.Name), "请填写律师姓名", "Enter the lawyer's name");
        }

        if (string.IsNullOrWhiteSpace(input.Firm) || input.Firm.Trim().Length > 60)
        {
            errors.Add(nameof(LawyerInput.Firm), "请填写律师事务所", "Enter the law firm");
        }

        if (input.LicenseNumber?.Trim() is not { Length: 17 } license || !license.All(char.IsAsciiDigit))
        {
            errors.Add(nameof(LawyerInput.LicenseNumber), "律师执业证号应为 17 位数字", "The practising licence number has 17 digits");
        }

        errors.ThrowIfAny();
        var lawyer = new Lawyer
        {
            Name = input.Name!.Trim(),
            Firm = input.Firm!.Trim(),
            LicenseNumber = input.LicenseNumber!.Trim(),
            Specialties = CaseRules.Cut(input.Specialties, 100) ?? "",
            ConflictsWith = CaseRules.Cut(input.ConflictsWith, 1000) ?? "",
            OrgId = cadre.OrgId,
            OrgPath = cadre.OrgPath,
        };
        db.Add(lawyer);
        audit.Record(RosterAudit, "lawyer", lawyer.LicenseNumber, cadre.OrgPath, new { lawyer.Name, lawyer.Firm });
        await db.SaveChangesAsync(ct);
        return View(lawyer);
    }

    /// <summary>Assigns a lawyer from the roster, refused when they act for the employer the case is against.</summary>
    public async Task<RightsCase> AssignAsync(Guid id, LegalAidInput input, CancellationToken ct)
    {
        var c = await steps.FindAsync(id, CaseStepKind.ActionRecorded, input.Version, ct);
        var lawyer = (await RosterAsync(ct)).FirstOrDefault(l => l.Id == input.LawyerId);
        if (lawyer is null)
        {
            new FieldErrors().Add(nameof(LegalAidInput.LawyerId), "请从律师库选择律师", "Choose a lawyer from the roster").ThrowIfAny();
        }

        var stored = await db.Set<Lawyer>().IgnoreQueryFilters().AsNoTracking().SingleAsync(l => l.Id == lawyer!.Id, ct);
        if (stored.HasConflictWith(c.EmployerName))
        {
            throw new ConflictException(Loc.T($"利益冲突：{stored.Name}（{stored.Firm}）代理过或正在代理“{c.EmployerName}”，请另选律师",
                $"Conflict of interest: {stored.Name} ({stored.Firm}) acts for {c.EmployerName}; choose another lawyer"));
        }

        await steps.SaveAsync(c, input.Version, CaseStepKind.ActionRecorded,
            Loc.T($"指派法律援助律师：{stored.Name}（{stored.Firm}）", $"Legal aid lawyer assigned: {stored.Name} ({stored.Firm})") + (CaseRules.Cut(input.Note, CaseRules.MaxNote) is { } note ? "；" + note : ""),
            ct, HandlingAction.LegalAid);
        return c;
    }

    private static LawyerView View(Lawyer l) => new(l.Id, l.Name, l.Firm, l.LicenseNumber, l.Specialties, l.ConflictsWith, l.Active);
}