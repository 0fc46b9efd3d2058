using WorkersHome.Modules.Assistance.Applications;
using WorkersHome.Modules.Assistance.Programs;
using WorkersHome.Platform.Errors;

namespace WorkersHome.Pages.Assistance.Applications;

/// <summary>The application form as pages post it: three household rows, and a one-time key so that a double click files once.</summary>
public sealed class ApplicationInput
{
    public const int HouseholdRows = 3;

    public SchoolLevel? SchoolLevel { get; set; }

    [FieldName("费用金额", "Cost")]

    public decimal? ClaimedCost { get; set; }

    public string? Description { get; set; }

    public List<DeclaredPerson> Household { get; set; } = [.. Enumerable.Repeat(new DeclaredPerson(null, null, null), HouseholdRows)];

    public string? Hospital { get; set; }

    public string? Diagnosis { get; set; }

    [FieldName("医疗费用总额", "Total medical cost")]

    public decimal? TotalCost { get; set; }

    [FieldName("医保报销金额", "Insurance paid")]

    public decimal? InsurancePaid { get; set; }

    /// <summary>Pay to the bank card linked to the member's service card; the page ticks it when one is linked.</summary>
    public bool PayToCard { get; set; }

    public string? BankName { get; set; }

    public string? AccountNumber { get; set; }

    public Guid SubmissionKey { get; set; } = Guid.NewGuid();

    public ApplicationForm ToForm(long programId) => new(programId, SchoolLevel, ClaimedCost, Description, Household, SubmissionKey, BankName, AccountNumber,
        Hospital is null && Diagnosis is null && TotalCost is null ? null : new MedicalBill(Hospital, Diagnosis, TotalCost, InsurancePaid), PayToCard);
}

/// <summary>What the form partial shows: the program chosen, the form's values, and the bank card linked to the member's service card ("中原银行 尾号 1234").</summary>
public sealed record ApplicationFormView(OpenProgram Program, ApplicationInput Input, string SubmitId, string? LinkedCard);