using System.Text.Json;

using WorkersHome.Modules.Members.Register;

namespace WorkersHome.Modules.Members.Join;

/// <summary>The application form: the registry's fields (the ID number and phone come apart), and the union chosen.</summary>
public sealed record JoinForm
{
    /// <summary>How the form waits in <see cref="JoinApplication.Details"/>.</summary>
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public long OrgId { get; init; }

    public string? Name { get; init; }

    public string? Ethnicity { get; init; }

    public string? IdNumber { get; init; }

    public string? Education { get; init; }

    public string? PoliticalStatus { get; init; }

    public string? EmployerName { get; init; }

    public EmploymentForm? EmploymentForm { get; init; }

    public string? PlatformName { get; init; }

    public bool IsMigrantWorker { get; init; }

    public string? HouseholdRegistration { get; init; }

    /// <summary>The registry's input for this form, checked the same as any addition.</summary>
    public MemberInput ToInput(string phone, DateOnly joinedOn) => new()
    {
        OrgId = OrgId,
        Name = Name,
        Ethnicity = Ethnicity,
        IdNumber = IdNumber,
        Phone = phone,
        Education = Education,
        PoliticalStatus = PoliticalStatus,
        EmployerName = EmployerName,
        EmploymentForm = EmploymentForm,
        PlatformName = PlatformName,
        IsMigrantWorker = IsMigrantWorker,
        HouseholdRegistration = HouseholdRegistration,
        JoinedOn = joinedOn,
    };
}

/// <summary>The applicant's phone, as their sign-in cookie carries it.</summary>
public sealed record ApplicantPhone(string Hash, string Masked, string Cipher);