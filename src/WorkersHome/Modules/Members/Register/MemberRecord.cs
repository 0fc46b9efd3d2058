using WorkersHome.Modules.Organizations.Contracts;
using WorkersHome.Platform.Privacy;

namespace WorkersHome.Modules.Members.Register;

/// <summary>Turns a validated record into stored form (encrypted, hashed, masked), for one add or a whole import.</summary>
public sealed class MemberRecord(PersonalDataProtector protector)
{
    public string IdHash(ValidMember valid) => protector.BlindIndex(valid.IdNumber);

    public Member Create(ValidMember valid, OrgSummary org, DateTimeOffset now)
    {
        var member = new Member
        {
            Id = Guid.NewGuid(),
            OrgId = org.Id,
            OrgPath = org.Path,
            IdType = valid.Input.IdType,
            IdCipher = protector.Encrypt(valid.IdNumber),
            IdHash = IdHash(valid),
            IdMasked = Mask.IdNumber(valid.IdNumber),
            Status = MembershipStatus.Active,
            CreatedAt = now,
        };
        Apply(member, valid, now);
        return member;
    }

    /// <summary>Whether the stored record says anything different from <paramref name="valid"/>.</summary>
    public bool Differs(Member m, ValidMember valid)
    {
        var input = valid.Input;
        return m.Name != valid.Name || m.Gender != valid.Gender || m.EthnicityCode != valid.EthnicityCode || m.BirthDate != valid.BirthDate
            || m.PhoneHash != (valid.Phone is null ? null : protector.BlindIndex(valid.Phone))
            || m.EducationCode != valid.EducationCode || m.PoliticalStatusCode != valid.PoliticalCode
            || m.EmployerName != Clean(input.EmployerName) || m.EmploymentForm != valid.EmploymentForm
            || m.PlatformName != Clean(input.PlatformName) || m.IsMigrantWorker != input.IsMigrantWorker
            || m.HouseholdRegistration != Clean(input.HouseholdRegistration) || m.JoinedOn != valid.JoinedOn;
    }

    public void Apply(Member m, ValidMember valid, DateTimeOffset now)
    {
        var input = valid.Input;
        m.Name = valid.Name;
        m.Gender = valid.Gender;
        m.EthnicityCode = valid.EthnicityCode;
        m.BirthDate = valid.BirthDate;
        m.PhoneCipher = valid.Phone is null ? null : protector.Encrypt(valid.Phone);
        m.PhoneHash = valid.Phone is null ? null : protector.BlindIndex(valid.Phone);
        m.PhoneMasked = valid.Phone is null ? null : Mask.Phone(valid.Phone);
        m.EducationCode = valid.EducationCode;
        m.PoliticalStatusCode = valid.PoliticalCode;
        m.EmployerName = Clean(input.EmployerName);
        m.EmploymentForm = valid.EmploymentForm;
        m.PlatformName = Clean(input.PlatformName);
        m.IsMigrantWorker = input.IsMigrantWorker;
        m.HouseholdRegistration = Clean(input.HouseholdRegistration);
        m.JoinedOn = valid.JoinedOn;
        m.UpdatedAt = now;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}