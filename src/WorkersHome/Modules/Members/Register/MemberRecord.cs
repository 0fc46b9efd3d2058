using WorkersHome.Modules.Organizations.Contracts;
using WorkersHome.Platform.Privacy;

namespace WorkersHome.Modules.Members.Register;

/// <summary>Turns a validated record into stored form (encrypted, hashed, masked), for one add or a whole import.</summary>
public sealed class MemberRecord(PersonalDataProtector protector)
{
    public string IdHash(ValidMember valid) => protector.BlindIndex(valid.IdNumber);

    public Member Create(ValidMember valid, OrgSummary org, DateTimeOffset now)
    {
        var member = Prepare(valid, now);
        PlaceIn(member, org);
        return member;
    }

    /// <summary>
    /// The stored form before its union is known; safe to call from several threads at once.
    /// Ids are time-ordered (version 7) so that bulk inserts append to the key index.
    /// </summary>
    public Member Prepare(ValidMember valid, DateTimeOffset now)
    {
        var input = valid.Input;
        return new Member
        {
            Id = RandomPool.CreateVersion7(now),
            IdType = input.IdType,
            IdCipher = protector.Encrypt(valid.IdNumber),
            IdHash = IdHash(valid),
            IdMasked = Mask.IdNumber(valid.IdNumber),
            CreatedAt = now,
            UpdatedAt = now,
            Name = valid.Name,
            Gender = valid.Gender,
            EthnicityCode = valid.EthnicityCode,
            BirthDate = valid.BirthDate,
            PhoneCipher = valid.Phone is null ? null : protector.Encrypt(valid.Phone),
            PhoneHash = valid.Phone is null ? null : protector.BlindIndex(valid.Phone),
            PhoneMasked = valid.Phone is null ? null : Mask.Phone(valid.Phone),
            EducationCode = valid.EducationCode,
            PoliticalStatusCode = valid.PoliticalCode,
            EmployerName = Clean(input.EmployerName),
            EmploymentForm = valid.EmploymentForm,
            PlatformName = Clean(input.PlatformName),
            IsMigrantWorker = input.IsMigrantWorker,
            HouseholdRegistration = Clean(input.HouseholdRegistration),
            JoinedOn = valid.JoinedOn,
        };
    }

    public static void PlaceIn(Member member, OrgSummary org)
    {
        member.OrgId = org.Id;
        member.OrgPath = org.Path;
    }

    /// <summary>Whether the stored record says anything different from a freshly prepared one.</summary>
    public static bool Differs(Member stored, Member fresh) =>
        stored.Name != fresh.Name || stored.Gender != fresh.Gender || stored.EthnicityCode != fresh.EthnicityCode || stored.BirthDate != fresh.BirthDate
        || stored.PhoneHash != fresh.PhoneHash || stored.EducationCode != fresh.EducationCode || stored.PoliticalStatusCode != fresh.PoliticalStatusCode
        || stored.EmployerName != fresh.EmployerName || stored.EmploymentForm != fresh.EmploymentForm || stored.PlatformName != fresh.PlatformName
        || stored.IsMigrantWorker != fresh.IsMigrantWorker || stored.HouseholdRegistration != fresh.HouseholdRegistration || stored.JoinedOn != fresh.JoinedOn;

    /// <summary>Copies the details (not identity, union or status) of a freshly prepared record onto the stored one.</summary>
    public static void CopyDetails(Member fresh, Member stored)
    {
        stored.Name = fresh.Name;
        stored.Gender = fresh.Gender;
        stored.EthnicityCode = fresh.EthnicityCode;
        stored.BirthDate = fresh.BirthDate;
        stored.PhoneCipher = fresh.PhoneCipher;
        stored.PhoneHash = fresh.PhoneHash;
        stored.PhoneMasked = fresh.PhoneMasked;
        stored.EducationCode = fresh.EducationCode;
        stored.PoliticalStatusCode = fresh.PoliticalStatusCode;
        stored.EmployerName = fresh.EmployerName;
        stored.EmploymentForm = fresh.EmploymentForm;
        stored.PlatformName = fresh.PlatformName;
        stored.IsMigrantWorker = fresh.IsMigrantWorker;
        stored.HouseholdRegistration = fresh.HouseholdRegistration;
        stored.JoinedOn = fresh.JoinedOn;
        stored.UpdatedAt = fresh.UpdatedAt;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}