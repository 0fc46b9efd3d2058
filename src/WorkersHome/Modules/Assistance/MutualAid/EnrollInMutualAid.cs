using Microsoft.EntityFrameworkCore;

using WorkersHome.Modules.Assistance.Archive;
using WorkersHome.Modules.Assistance.Programs;
using WorkersHome.Modules.Members.Contracts;
using WorkersHome.Modules.Organizations.Contracts;
using WorkersHome.Platform.Audit;
using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Persistence;
using WorkersHome.Platform.Privacy;
using WorkersHome.Platform.Security;

namespace WorkersHome.Modules.Assistance.MutualAid;

/// <summary>Enrols a person: a member of the union (by member id), or a spouse or migrant worker by name and ID number.</summary>
public sealed record NewEnrollment(long ProgramId, Guid? MemberId, string? Name, string? IdNumber, EnrolleeKind Kind, int Items, PremiumPayer PaidBy);

public static class MutualAidAuditActions
{
    public const string Enrolled = "assistance.mutual-aid-enrolled";
}

/// <summary>
/// Annual enrolment in medical mutual aid by grassroots unions: members, their spouses and migrant workers, at the
/// premium per item. A member whose household is in the archive through illness is enrolled at the city's cost and
/// gets the program's extra benefit points on every claim. One enrolment per person and period.
/// </summary>
public sealed class EnrollInMutualAid(AppDbContext db, ProgramQueries programs, IMemberDirectory members, IOrgDirectory orgs, PersonalDataProtector protector,
    AuditTrail audit, CurrentCadre cadre, TimeProvider clock)
{
    public const decimal PremiumPerItem = 80m;
    public const int MaxItems = 5;

    public async Task<Enrollment> ExecuteAsync(NewEnrollment request, CancellationToken ct)
    {
        var program = await programs.VisibleAsync(request.ProgramId, ct);
        if (program.Type != ProgramType.MedicalMutualAid)
        {
            throw new ConflictException(Loc.T("只有医疗互助项目需要参保登记", "Only medical mutual aid programs take enrolments"));
        }

        var errors = new FieldErrors();
        if (request.Items is < 1 or > MaxItems)
        {
            errors.Add(nameof(NewEnrollment.Items), $"参保份数应为 1–{MaxItems} 份", $"Enrol 1 to {MaxItems} items");
        }

        if (!Enum.IsDefined(request.Kind) || !Enum.IsDefined(request.PaidBy))
        {
            errors.Add(nameof(NewEnrollment.Kind), "请选择参保人类别和缴费方式", "Choose who is enrolled and who pays");
        }

        var (member, name, idHash, idMasked, orgId, orgPath) = await PersonAsync(request, errors, ct);
        errors.ThrowIfAny();
        if (!orgPath.StartsWith(program.OrgPath, StringComparison.Ordinal))
        {
            throw new NotFoundException();
        }

        var illness = member is not null && request.Kind == EnrolleeKind.Member && await db.HardshipFiles.IgnoreQueryFilters()
            .AnyAsync(f => f.MemberId == member.Id && f.Status == HardshipStatus.Active && (f.Causes & HardshipCause.Illness) != 0, ct);
        var enrollment = new Enrollment
        {
            ProgramId = program.Id,
            OrgId = orgId,
            OrgPath = orgPath,
            MemberId = member?.Id,
            PersonName = name,
            PersonIdHash = idHash,
            IdMasked = idMasked,
            Kind = request.Kind,
            Items = request.Items,
            Premium = request.Items * PremiumPerItem,
            // Households in hardship through illness are the city's to pay for, whatever the form said.
            PaidBy = illness ? PremiumPayer.City : request.PaidBy == PremiumPayer.City ? PremiumPayer.Union : request.PaidBy,
            IllnessHardship = illness,
            EnrolledBy = cadre.UserName,
            EnrolledAt = clock.GetUtcNow(),
        };
        db.Enrollments.Add(enrollment);
        audit.Record(MutualAidAuditActions.Enrolled, "mutual-aid-enrollment", null, orgPath, new { program.Id, name = Mask.Name(name), request.Kind, request.Items, enrollment.PaidBy });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex is not DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            throw new ConflictException(Loc.T($"{name}已参加本期医疗互助，不能重复参保", $"{name} is already enrolled for this period"));
        }

        return enrollment;
    }

    private async Task<(MemberSummary? Member, string Name, string IdHash, string IdMasked, long OrgId, string OrgPath)> PersonAsync(NewEnrollment request,
        FieldErrors errors, CancellationToken ct)
    {
        if (request.Kind == EnrolleeKind.Member)
        {
            var member = request.MemberId is { } id ? await members.FindInScopeAsync(id, ct) : null;
            if (member is null || !member.CountsAsMember)
            {
                errors.Add(nameof(NewEnrollment.MemberId), "请选择本单位在册会员", "Choose an active member of your union");
                return (null, "", "", "", 0, "");
            }

            return (member, member.Name, member.IdHash, member.IdMasked, member.OrgId, member.OrgPath);
        }

        // A spouse is enrolled under the member's union; a migrant worker under the enrolling cadre's union.
        var (number, error) = ResidentIds.Check(request.IdNumber, ChinaTime.DayOf(clock.GetUtcNow()));
        var name = request.Name?.Trim() ?? "";
        if (name.Length is 0 or > 30)
        {
            errors.Add(nameof(NewEnrollment.Name), "请填写参保人姓名", "Enter the person's name");
        }

        if (error is { } e)
        {
            errors.Add(nameof(NewEnrollment.IdNumber), e.Zh, e.En);
        }

        var spouseOf = request.Kind == EnrolleeKind.Spouse && request.MemberId is { } memberId ? await members.FindInScopeAsync(memberId, ct) : null;
        if (request.Kind == EnrolleeKind.Spouse && spouseOf is null)
        {
            errors.Add(nameof(NewEnrollment.MemberId), "请选择配偶所属的本单位会员", "Choose the member whose spouse this is");
        }

        var home = spouseOf is null ? await orgs.FindInScopeAsync(cadre.OrgId, ct) : null;
        return (null, name, number is null ? "" : protector.BlindIndex(number), number is null ? "" : Mask.IdNumber(number),
            spouseOf?.OrgId ?? home?.Id ?? 0, spouseOf?.OrgPath ?? home?.Path ?? "");
    }
}