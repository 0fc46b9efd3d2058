namespace WorkersHome.Modules.Rights.Cases;

/// <summary>
/// A new case as an agent, a member or a message describes it. The caller is a member (<see cref="MemberId"/>), a
/// named caller with a phone, or anonymous (consultations only).
/// </summary>
public sealed class CaseInput
{
    public CaseKind? Kind { get; set; }

    public CaseTopic? Topic { get; set; }

    /// <summary>Left empty, it follows from the case: a consultation is simple, ten or more workers make it complex.</summary>
    public CaseComplexity? Complexity { get; set; }

    public string? Subject { get; set; }

    public string? Details { get; set; }

    public Guid? MemberId { get; set; }

    public string? CallerName { get; set; }

    public string? Phone { get; set; }

    public bool Anonymous { get; set; }

    /// <summary>The employer's grassroots union, picked from the registry.</summary>
    public long? EmployerOrgId { get; set; }

    /// <summary>The employer's name as typed, when it has no union in the registry.</summary>
    public string? EmployerName { get; set; }

    /// <summary>The county or township where the caller works, when the employer has no union in the registry.</summary>
    public long? PlaceOrgId { get; set; }

    public decimal? AmountClaimed { get; set; }

    public int? WorkersAffected { get; set; }

    /// <summary>Whether the employer may learn who complained; no unless the caller says so.</summary>
    public bool EmployerMayKnow { get; set; }

    /// <summary>The agent's answer when a consultation is answered there and then (it closes the case).</summary>
    public string? Answer { get; set; }

    /// <summary>The same key sent twice files one case (a double click, a retried request).</summary>
    public string? SubmissionKey { get; set; }
}